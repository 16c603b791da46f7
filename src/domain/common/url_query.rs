//! A URL's query as written: where it is, and its parameters in order, not decoded.

/// The query of `url`: what follows `?`, up to `#`; empty where there is none.
pub fn query_of(url: &str) -> &str {
    let query = url.split_once('?').map_or("", |(_, query)| query);
    query.split_once('#').map_or(query, |(query, _)| query)
}

/// The parameters of `query` (without `?` and `#`), in order, each name and value as written; a
/// parameter without `=` has an empty value, and empty ones are left out.
pub fn query_parameters(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query.split('&').filter(|pair| !pair.is_empty()).map(|pair| pair.split_once('=').unwrap_or((pair, "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_and_its_parameters_as_written() {
        let url = "https://a.example/p?x=1&&y&z=a%20b#frag?no=1";
        assert_eq!(query_of(url), "x=1&&y&z=a%20b");
        assert_eq!(query_parameters(query_of(url)).collect::<Vec<_>>(), [("x", "1"), ("y", ""), ("z", "a%20b")]);
        assert_eq!(query_of("https://a.example/p#f"), "");
    }
}
