//! The wizard's steps and where it is, and the draft that keeps the entries over a reload.

pub mod draft;
pub mod steps;
