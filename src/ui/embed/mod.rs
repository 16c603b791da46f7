//! How a host page embeds the wizard: `mount()`, the `<add-customer>` element's wiring, and the
//! scope the wizard lives in (its root, focus, the events it sends the host).

pub mod mount;
pub mod prerendered;
pub mod scope;
