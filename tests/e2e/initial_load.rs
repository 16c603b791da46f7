//! The initial load: what the browser fetches before the first page is usable (the wizard's
//! `add-customer:ready`, also a User Timing mark), held to its budget. The dist/ sizes are
//! checked by `scripts/size.sh`; this is the same budget as the browser meets it, so that a file
//! fetched too early (a country file, the demo catalog, a price list, a later page) counts.

use crate::Scenario;

/// Every resource the page fetched before `add-customer:ready`: the file's name (its path under
/// the site), the bytes that came over the wire for it (`encodedBodySize`) and its raw size.
/// `null` while the wizard is not ready yet.
const FETCHED_BEFORE_READY: &str = "
    const ready = performance.getEntriesByName('add-customer:ready', 'mark')[0];
    if (!ready) return null;
    return {
      ready: ready.startTime,
      files: performance.getEntriesByType('resource')
        .filter((entry) => entry.startTime <= ready.startTime)
        .map((entry) => ({
          name: new URL(entry.name).pathname.replace(/^\\//, ''),
          wire: entry.encodedBodySize,
          raw: entry.decodedBodySize,
        })),
    };";

/// The ceiling of the initial load in KiB: `CEILING_KIB` of `scripts/size.sh`, the one number
/// both checks hold the app to.
fn ceiling_kib() -> u64 {
    let script = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/size.sh")).unwrap();
    script
        .lines()
        .find_map(|line| line.strip_prefix("CEILING_KIB="))
        .and_then(|value| value.trim().parse().ok())
        .expect("scripts/size.sh sets CEILING_KIB")
}

#[tokio::test]
async fn before_the_first_page_is_usable_only_the_app_is_fetched_within_its_budget() {
    let scenario = Scenario::start_demo("").await;
    let page = &scenario.browser;
    let fetched = page.wait_until(FETCHED_BEFORE_READY, "the wizard to say it is ready").await;
    let files = fetched["files"].as_array().unwrap();
    let names: Vec<&str> = files.iter().map(|file| file["name"].as_str().unwrap()).collect();
    let app_file = |name: &&str| [".wasm", ".js", ".css"].iter().any(|ending| name.ends_with(ending));
    let others: Vec<&&str> = names.iter().filter(|name| !app_file(name) && !name.ends_with(".svg")).collect();
    assert!(
        others.is_empty(),
        "before the first page is usable the browser fetched {others:?}, which it does not need yet \
         (country files, the demo catalog and price lists load when a country is chosen)"
    );
    assert!(names.iter().any(|name| name.ends_with(".wasm")), "the wasm is in the initial load: {names:?}");

    let app_files: Vec<&serde_json::Value> =
        files.iter().filter(|file| app_file(&file["name"].as_str().unwrap())).collect();
    let bytes = |kind: &str| app_files.iter().map(|file| file[kind].as_u64().unwrap()).sum::<u64>();
    let (wire, raw) = (bytes("wire"), bytes("raw"));
    let ceiling = ceiling_kib();
    println!(
        "initial load: {wire} bytes over the wire ({raw} raw) in {} files, ready at {:.0} ms: {names:?}",
        names.len(),
        fetched["ready"].as_f64().unwrap_or_default()
    );
    assert!(wire > 0 && wire < raw, "the host's compressed copies were served: {wire} of {raw} bytes");
    assert!(
        wire <= ceiling * 1024,
        "INITIAL LOAD OVER BUDGET: before the first page is usable the browser fetched {wire} bytes \
         ({} KiB) of wasm, JavaScript and CSS, over the ceiling of {ceiling} KiB (scripts/size.sh). \
         Files: {names:?}. Find what grew (twiggy top on the release wasm), or what is now fetched \
         before it is needed.",
        wire.div_ceil(1024)
    );
}
