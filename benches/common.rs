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

const PROVINCE: &str = include_str!("../tests/data/dai-hoi-tinh-binh-son.md");
const GOVERNMENT: &str = include_str!("../tests/data/nghi-quyet-chinh-phu-2021.md");

/// The people named in the sample documents, replaced in each copy.
const NAMES: &[&str] = &[
    "Vương Đình Huệ",
    "Chu Ngọc Anh",
    "Nguyễn Thị Tuyến",
    "Nguyễn Văn Phong",
    "Trần Quốc Hưng",
    "Lê Minh Khoa",
    "Phạm Thị Hoa",
    "Nguyễn Minh Tuấn",
    "Hoàng Văn Dũng",
    "Đỗ Thị Lan",
];
const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý",
];
const MIDDLES: &[&str] = &[
    "Văn", "Thị", "Minh", "Quốc", "Đức", "Thanh", "Ngọc", "Hữu", "Xuân", "Đình",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Quang",
    "Sơn", "Tâm", "Tuấn", "Vinh",
];

/// About `bytes` of varied Vietnamese text of the genre: the paragraphs of
/// the bundled and test documents in a different order in every copy, with
/// other numbers, years and names, so no two copies are alike.
pub fn varied_markdown(bytes: usize) -> String {
    let body = |doc: &'static str| doc.splitn(3, "---").nth(2).unwrap_or(doc);
    let paragraphs: Vec<&str> = [body(BUNDLED_SOURCE), body(PROVINCE), body(GOVERNMENT)]
        .iter()
        .flat_map(|b| b.split("\n\n"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        // xorshift64*: a tiny deterministic generator, enough to vary the text.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    };
    let mut out = String::from("# Tập hợp văn bản để đo tốc độ\n\n");
    let mut copy = 0;
    while out.len() < bytes {
        copy += 1;
        out.push_str(&format!("## Phần {copy}\n\n"));
        let mut order: Vec<usize> = (0..paragraphs.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, next(i + 1));
        }
        for &i in &order {
            let mut p = paragraphs[i].to_string();
            for name in NAMES {
                if p.contains(name) {
                    let new = format!(
                        "{} {} {}",
                        SURNAMES[next(SURNAMES.len())],
                        MIDDLES[next(MIDDLES.len())],
                        GIVEN[next(GIVEN.len())]
                    );
                    p = p.replace(name, &new);
                }
            }
            // Other numbers of the same length ("579" → "318"), years moved together.
            let shift = 5 * next(6) as u32;
            let mut varied = String::with_capacity(p.len());
            let mut digits = String::new();
            for c in p.chars().chain(std::iter::once(' ')) {
                if c.is_ascii_digit() {
                    digits.push(c);
                    continue;
                }
                if !digits.is_empty() {
                    let replaced = match digits.parse::<u32>() {
                        Ok(y) if (1990..=2050).contains(&y) => (y + shift).to_string(),
                        Ok(n) if n >= 2 => {
                            format!("{:0width$}", 2 + next(n as usize * 2) as u32, width = 1)
                        }
                        _ => digits.clone(),
                    };
                    varied.push_str(&replaced);
                    digits.clear();
                }
                varied.push(c);
            }
            out.push_str(varied.trim_end());
            out.push_str("\n\n");
        }
    }
    out
}
