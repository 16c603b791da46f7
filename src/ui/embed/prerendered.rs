//! The demo page's pre-rendered first page: Account info as static HTML in a declarative shadow
//! root of `index.html` (the build puts `src/ui/pages/account_info/prerendered.html` there), on
//! screen once the page and its stylesheet are in, before the wasm has even been compiled. The
//! user may already type into it, choose and press. When the wizard mounts, it takes over what the
//! user did there (the entries, the choices, the focus and the caret, the button last pressed)
//! and puts its live page in the pre-rendered one's place in the same task, so that nothing typed
//! is lost and nothing flickers.

use crate::ui::embed::scope::element_with_id;
use wasm_bindgen::{JsCast, JsValue};

/// The pre-rendered page's root and stylesheet in the shadow root.
const PRERENDERED: &str = "[data-prerendered]";

/// What the user did on the pre-rendered page, for the live one.
#[derive(Debug, Default)]
pub struct Carried {
    /// The text entries and the selects the user changed, by field id: given to the form as its
    /// prefill.
    pub entries: Vec<(String, String)>,
    /// Whether the pre-rendered page's stylesheet is applied: the live page then shows at once
    /// (the stylesheet is its own), else once its own stylesheet has loaded.
    pub styled: bool,
    /// The check boxes and radio buttons the user changed, by id: clicked on the live page.
    toggled: Vec<String>,
    /// The field that had the focus, with its selection where it holds text.
    focus: Option<(String, Option<(u32, u32)>)>,
    /// The button last pressed there (`prerendered.js` marks it), by its place among the
    /// page's buttons: pressed again on the live page, whose buttons are the same.
    pressed: Option<u32>,
}

/// Takes the pre-rendered page out of `shadow` with what the user did on it, keeping its
/// stylesheet (already applied, so that the live page is styled the moment it is there).
/// `None` where there is no pre-rendered page.
pub fn take_over(shadow: &web_sys::ShadowRoot) -> Option<Carried> {
    let page = shadow.query_selector(&format!("div{PRERENDERED}")).ok().flatten()?;
    let stylesheet = shadow.query_selector(&format!("link{PRERENDERED}")).ok().flatten();
    let styled = stylesheet.is_some_and(|link| {
        js_sys::Reflect::get(&link, &JsValue::from_str("sheet")).is_ok_and(|sheet| sheet.is_object())
    });
    let mut carried = Carried { styled, ..Carried::default() };
    let fields = page.query_selector_all("input, select").ok()?;
    for index in 0..fields.length() {
        let Some(field) = fields.item(index) else { continue };
        if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
            let kind = input.type_();
            if kind == "checkbox" || kind == "radio" {
                // A radio button the user chose; the one it replaced follows by itself.
                let changed = input.checked() != input.default_checked();
                if changed && (kind == "checkbox" || input.checked()) {
                    carried.toggled.push(input.id());
                }
            } else if input.value() != input.default_value() {
                carried.entries.push((input.id(), input.value()));
            }
        } else if let Some(select) = field.dyn_ref::<web_sys::HtmlSelectElement>() {
            let chosen = select.selected_options().item(0);
            let default = (0..select.length()).filter_map(|at| select.item(at)).find(|option| {
                option.dyn_ref::<web_sys::HtmlOptionElement>().is_some_and(|option| option.default_selected())
            });
            if chosen.is_some() && chosen != default {
                carried.entries.push((select.id(), select.value()));
            }
        }
    }
    if let Ok(buttons) = page.query_selector_all("button") {
        carried.pressed = (0..buttons.length()).find(|&at| {
            buttons
                .item(at)
                .and_then(|button| button.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|button| button.has_attribute("data-pressed"))
        });
    }
    if let Some(focused) = shadow.active_element() {
        let selection = focused
            .dyn_ref::<web_sys::HtmlInputElement>()
            .and_then(|input| Some((input.selection_start().ok()??, input.selection_end().ok()??)));
        carried.focus = Some((focused.id(), selection)).filter(|(id, _)| !id.is_empty());
    }
    page.remove();
    // The slot of the element's own "Loading…", shown where the page hid the pre-rendered one.
    if let Ok(Some(loading)) = shadow.query_selector(&format!("slot{PRERENDERED}")) {
        loading.remove();
    }
    Some(carried)
}

impl Carried {
    /// Does on the live page, in `root`, what the entries cannot: the choices clicked as the
    /// user clicked them, the focus and the caret put back where they were, then the button
    /// last pressed pressed again.
    pub fn replay(&self, root: &web_sys::HtmlElement) {
        let find = |id: &str| element_with_id(root, id);
        for id in &self.toggled {
            if let Some(choice) = find(id) {
                choice.click();
            }
        }
        if let Some((id, selection)) = &self.focus {
            if let Some(field) = find(id) {
                let _ = field.focus();
                if let (Some(input), Some((start, end))) = (field.dyn_ref::<web_sys::HtmlInputElement>(), selection) {
                    let _ = input.set_selection_range(*start, *end);
                }
            }
        }
        // Last, as the user's last act: Next checks the entries above and may move on.
        let button = self.pressed.and_then(|at| root.query_selector_all("button").ok()?.item(at));
        if let Some(button) = button.and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok()) {
            button.click();
        }
    }
}
