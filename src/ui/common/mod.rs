//! Small parts and browser helpers that several pages share.

pub mod browser;
pub mod effect;
pub mod intl;
pub mod line_words;
pub mod load_failed;
pub mod page_heading;
pub mod price_words;
pub mod set_if_changed;
pub mod web_lock;
