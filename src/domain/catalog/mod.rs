//! The catalog: its offers, what the user chose, and the orders the choice becomes.

pub mod offer;
pub mod order_plan;
pub mod selection;
