//! One stable sort for every kind of item.
//!
//! `slice::sort_by` is generic over the item and the comparison, so each call site puts a copy
//! of the whole sort in the wasm (about 4 KB each). Here the sort runs once, on indices, through
//! a `dyn` comparison; only the small reordering is generic.

use std::cmp::Ordering;

/// The indices `0..len` in the stable order that `compare` (of two indices) gives.
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    // The one sort of the app (clippy.toml sends every other here).
    #[allow(clippy::disallowed_methods)]
    order.sort_by(|a, b| compare(*a, *b));
    order
}

/// Sorts `items` by `compare`, keeping the order of equal items.
pub fn sort_with<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|index| slots[index].take()));
}

/// Sorts `items` by `key`, keeping the order of equal items.
pub fn sort_with_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_with(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::{sort_with, sort_with_key};

    #[test]
    fn sorts_and_keeps_equal_items_in_order() {
        let mut items = vec![(3, "c"), (1, "a"), (2, "b"), (1, "z"), (0, "y")];
        sort_with_key(&mut items, |item| item.0);
        assert_eq!(items, [(0, "y"), (1, "a"), (1, "z"), (2, "b"), (3, "c")]);
    }

    #[test]
    fn sorts_by_a_comparison() {
        let mut words = vec!["pear".to_string(), "fig".into(), "apple".into(), String::new()];
        sort_with(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["pear", "fig", "apple", ""]);
    }
}
