//! Test documents for the benchmarks.

use nghiquyet::document::BUNDLED_SOURCE;

/// About `bytes` of Vietnamese text: the bundled article over and over, each
/// copy under its own numbered heading and with its paragraphs numbered, so
/// no two paragraphs are the same.
pub fn large_markdown(bytes: usize) -> String {
    let body = BUNDLED_SOURCE
        .splitn(3, "---")
        .nth(2)
        .unwrap_or(BUNDLED_SOURCE);
    let paragraphs: Vec<&str> = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut out = String::from("# Văn bản dài để đo tốc độ\n\n");
    let mut copy = 0;
    while out.len() < bytes {
        copy += 1;
        out.push_str(&format!("## Phần {copy}\n\n"));
        for (i, p) in paragraphs.iter().enumerate() {
            if p.starts_with("![") {
                out.push_str(p);
            } else {
                out.push_str(&format!("({copy}.{}) {p}", i + 1));
            }
            out.push_str("\n\n");
        }
    }
    out
}
