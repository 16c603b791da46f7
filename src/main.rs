//! The page entry point: mounts the wizard into the host page's mount element.

fn main() {
    add_customer::ui::mount::mount_on_page();
}
