//! Words of the Vietnamese the app reads, as data: which syllables make one
//! word together. Used where a phrase is cut out of a sentence (key points,
//! generated questions), so that no cut falls inside a word.

use crate::text::{Fold, fold};

/// Two-syllable words of the texts this app reads whose syllables a phrase
/// boundary must never fall between: "kinh | tế", "hành | chính". (A word
/// written with its parts apart is a compound only where both stand side by
/// side; "xã" alone is a commune, "xã hội" society.)
const COMPOUNDS: &[&str] = &[
    "an ninh",
    "an sinh",
    "an toàn",
    "bảo đảm",
    "bảo hiểm",
    "bảo vệ",
    "bảo tồn",
    "biên giới",
    "biên tập",
    "bình đẳng",
    "bộ máy",
    "bồi dưỡng",
    "cải cách",
    "cán bộ",
    "cạnh tranh",
    "cấp bách",
    "cấp trên",
    "tham dự",
    "tham gia",
    "tham khảo",
    "tham mưu",
    "quan sát",
    "chỉ đạo",
    "chỉ thị",
    "chỉ tiêu",
    "chính phủ",
    "chính quyền",
    "chính sách",
    "chính trị",
    "chiến lược",
    "chủ động",
    "chủ nghĩa",
    "chủ quyền",
    "chủ tịch",
    "chức năng",
    "chức vụ",
    "chuyển đổi",
    "công chức",
    "công nghệ",
    "công nghiệp",
    "công nhân",
    "công tác",
    "cơ cấu",
    "cơ chế",
    "cơ sở",
    "cộng đồng",
    "cộng sản",
    "dân chủ",
    "dân số",
    "dân tộc",
    "doanh nghiệp",
    "doanh thu",
    "du lịch",
    "dịch vụ",
    "đại biểu",
    "đại hội",
    "đảng viên",
    "đào tạo",
    "địa bàn",
    "địa phương",
    "điều chỉnh",
    "điều hành",
    "điều kiện",
    "đoàn kết",
    "đô thị",
    "đổi mới",
    "đối ngoại",
    "đơn vị",
    // "đơn vị hành chính" is one term: no cut between "vị" and "hành"
    // ("… hành chính hình thành sau sắp xếp" hid what was formed).
    "vị hành",
    "đột phá",
    "đầu tư",
    "đồng bào",
    "đồng bộ",
    "giải pháp",
    "giáo dục",
    "giám sát",
    "giao thông",
    "hạ tầng",
    "hành chính",
    "hành động",
    "hệ thống",
    "hiện đại",
    "hiệu lực",
    "hiệu quả",
    "hiến pháp",
    "hoàn thiện",
    "hoạt động",
    "hội nhập",
    "hội nghị",
    "hợp tác",
    "hướng dẫn",
    "kế hoạch",
    "kết luận",
    "kết quả",
    "kiểm soát",
    "kiểm tra",
    "kinh doanh",
    "kinh tế",
    "khoa học",
    "kỷ luật",
    "kỷ cương",
    "lãnh đạo",
    "lao động",
    "liên đoàn",
    "lĩnh vực",
    "lợi ích",
    "luật pháp",
    "lực lượng",
    "môi trường",
    "mục tiêu",
    "nâng cao",
    "nghị quyết",
    "nghiên cứu",
    "ngân sách",
    "nguồn lực",
    "nhân dân",
    "nhân lực",
    "nhà nước",
    "nhiệm kỳ",
    "nhiệm vụ",
    "nông nghiệp",
    "nông thôn",
    "pháp luật",
    "pháp lý",
    "phát huy",
    "phát triển",
    "phòng chống",
    "phòng ngừa",
    "phương án",
    "phương châm",
    "quan điểm",
    "quan hệ",
    "quản lý",
    "quốc gia",
    "quốc hội",
    "quốc phòng",
    "quốc tế",
    "quy định",
    "quy hoạch",
    "quy mô",
    "quyết định",
    "sản xuất",
    "sáp nhập",
    "sắp xếp",
    "sức khỏe",
    "tài chính",
    "tài nguyên",
    "tăng trưởng",
    "tập trung",
    "thành phố",
    "thành viên",
    "thẩm quyền",
    "thể chế",
    "thi đua",
    "thị trường",
    "thủ tục",
    "thủ tướng",
    "thực hiện",
    "thực tiễn",
    "thương mại",
    "tiêu chí",
    "tiêu chuẩn",
    "tinh gọn",
    "tổ chức",
    "tổng kết",
    "trách nhiệm",
    "triển khai",
    "trung ương",
    "truyền thống",
    "tuyên truyền",
    "tư tưởng",
    "tự chủ",
    "ủy ban",
    "ủy viên",
    "văn hóa",
    "văn bản",
    "kết nạp",
    "đối với",
    "ban hành",
    "vận động",
    "vi phạm",
    "vững mạnh",
    "xã hội",
    "xây dựng",
    "xuất khẩu",
    "y tế",
    "ứng dụng",
    "bền vững",
    "số hóa",
    "chuyển đổi số",
    "thủ đô",
    "tỉnh ủy",
    "thành ủy",
    "đảng ủy",
    "bí thư",
    "thường trực",
    "thường vụ",
    "ban hành",
    "bảo đảm",
    "chấp hành",
    "vận hành",
    "thi hành",
    "tiến hành",
    "đường sắt",
    "nhà ở",
    "cổ phần",
    "thoái vốn",
    "vốn nhà",
    "vướng mắc",
    "tháo gỡ",
    "khó khăn",
    "thuận lợi",
    "năng lực",
    "năng suất",
    "chất lượng",
    "sáng tạo",
    "khởi nghiệp",
    "đổi mới sáng tạo",
    "biến đổi",
    "khí hậu",
    "ô nhiễm",
    "rác thải",
    "chất thải",
    "tài sản",
    "thu nhập",
    "bình quân",
    "tổng sản phẩm",
    "kim ngạch",
    "cảnh sát",
    "hải quan",
    "quân đội",
    "quân sự",
    "biển đảo",
    // Names of ministries and boards, written with one capital: "Bộ Xây dựng".
    "xây dựng",
    "tài chính",
    "nội vụ",
    "tuyên giáo",
    "tư pháp",
    "ngoại giao",
    "giáo dục",
    "đào tạo",
    "thể thao",
    "du lịch",
    "vận tải",
    "dân vận",
    "nội chính",
    "tôn giáo",
    "tối cao",
    "kiểm sát",
    "thương binh",
    "lao động",
    "công thương",
    "công an",
    "cựu chiến",
    "chiến binh",
    "thanh niên",
    "phụ nữ",
    "nông dân",
    "thông tin",
    "truyền thông",
    "điện lực",
    "chỉ huy",
    "cán sự",
    "tư lệnh",
    "liên hiệp",
    "kỹ thuật",
    "địa chất",
    "quân khu",
    "cảnh sát",
    "biên phòng",
    "hàng không",
    "nhân dân",
    "chủ nhiệm",
    "thư ký",
    "tổng thư",
    "hải quân",
    "phòng không",
    "không quân",
    "văn phòng",
    "mặt trận",
    "tổ quốc",
    "thống nhất",
    "nội chính",
    "tiền tệ",
    "kiểm toán",
    "thanh tra",
    "thống kê",
    "bưu chính",
    "viễn thông",
    "thủy sản",
    "lâm nghiệp",
    "thủy lợi",
    "bảo mật",
    "khám bệnh",
    "khám chữa",
    "nghị định",
    "phân cấp",
    "phân quyền",
    "thông tư",
];

/// Words after which "năm" means a year or years ("vào năm công tác":
/// years of service), not the number five.
pub const BEFORE_YEARS: &[&str] = &[
    "vào", "của", "trong", "theo", "các", "những", "mỗi", "hằng", "hàng", "từng", "cả", "nhiều",
    "mấy", "bao",
];

/// What each body of the state and the Party is known to handle: a task
/// that names one of these in a question "which body leads it" gives its
/// answer away to anyone who knows the bodies ("thu hồi con dấu, cư trú" →
/// Bộ Công an), without reading the text. Only words that point to one body
/// alone; "xây dựng", "kế hoạch", "tổ chức" are every body's verbs.
pub const REMITS: &[(&str, &[&str])] = &[
    (
        "Bộ Công an",
        &[
            "trật tự",
            "con dấu",
            "cư trú",
            "căn cước",
            "phòng cháy",
            "chữa cháy",
            "tội phạm",
            "ma túy",
        ],
    ),
    (
        "Bộ Quốc phòng",
        &["quốc phòng", "quân sự", "quân đội", "dân quân"],
    ),
    (
        "Bộ Tài chính",
        &[
            "ngân sách",
            "vốn đầu tư",
            "đầu tư công",
            "kinh phí",
            "thuế",
            "tài chính",
            "tài sản công",
        ],
    ),
    (
        "Bộ Xây dựng",
        &["đô thị", "nhà ở", "công trình xây dựng", "giao thông"],
    ),
    (
        "Bộ Nội vụ",
        &[
            "công chức",
            "viên chức",
            "biên chế",
            "tiền lương",
            "thi đua",
            "khen thưởng",
        ],
    ),
    (
        "Bộ Tư pháp",
        &[
            "hộ tịch",
            "văn bản quy phạm pháp luật",
            "phổ biến pháp luật",
        ],
    ),
    (
        "Bộ Giáo dục và Đào tạo",
        &["giáo dục", "đào tạo", "đại học", "học sinh", "trường học"],
    ),
    (
        "Bộ Y tế",
        &["y tế", "khám bệnh", "chữa bệnh", "bệnh viện", "dược"],
    ),
    ("Bộ Ngoại giao", &["ngoại giao", "đối ngoại"]),
    (
        "Bộ Khoa học và Công nghệ",
        &["khoa học", "công nghệ", "chuyển đổi số", "đổi mới sáng tạo"],
    ),
    (
        "Bộ Văn hóa, Thể thao và Du lịch",
        &["văn hóa", "thể thao", "du lịch"],
    ),
    (
        "Bộ Nông nghiệp",
        &[
            "nông nghiệp",
            "nông thôn",
            "thủy lợi",
            "môi trường",
            "đất đai",
        ],
    ),
    (
        "Bộ Tài nguyên và Môi trường",
        &["tài nguyên", "môi trường", "đất đai"],
    ),
    (
        "Bộ Công Thương",
        &["công nghiệp", "thương mại", "năng lượng", "xuất khẩu"],
    ),
    ("Bộ Dân tộc và Tôn giáo", &["dân tộc", "tôn giáo"]),
    (
        "Bộ Thông tin và Truyền thông",
        &["thông tin", "truyền thông", "báo chí", "viễn thông"],
    ),
    ("Bộ Lao động", &["lao động", "việc làm", "người có công"]),
    ("Ngân hàng Nhà nước", &["tín dụng", "tiền tệ", "ngân hàng"]),
    ("Thanh tra Chính phủ", &["thanh tra", "khiếu nại", "tố cáo"]),
    ("Ban Tuyên giáo", &["tuyên truyền", "tuyên giáo", "báo chí"]),
    ("Ban Dân vận", &["dân vận"]),
    ("Ban Tổ chức", &["tổ chức bộ máy", "cán bộ", "đảng viên"]),
    ("Ủy ban Kiểm tra", &["kiểm tra", "giám sát", "kỷ luật"]),
    ("Ban Nội chính", &["tham nhũng", "tư pháp"]),
    ("Ban Đối ngoại", &["đối ngoại"]),
];

/// Whether syllables `a` and `b`, side by side, are one word.
pub fn is_compound(a: &str, b: &str) -> bool {
    let clean = |w: &str| {
        modern_tones(&fold(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            Fold::Case,
        ))
    };
    let (a, b) = (clean(a), clean(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    compounds().contains(&(a, b))
}

fn compounds() -> &'static std::collections::HashSet<(String, String)> {
    static SET: std::sync::OnceLock<std::collections::HashSet<(String, String)>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut set = std::collections::HashSet::new();
        for c in COMPOUNDS {
            let words: Vec<&str> = c.split_whitespace().collect();
            for pair in words.windows(2) {
                set.insert((modern_tones(pair[0]), modern_tones(pair[1])));
            }
        }
        set
    })
}

/// Tone marks where today's spelling puts them: "hoá" → "hóa", "uỷ" → "ủy"
/// (both spellings stand in real documents, often in one text).
pub fn modern_tones(word: &str) -> String {
    const PAIRS: &[(&str, &str)] = &[
        ("oá", "óa"),
        ("oà", "òa"),
        ("oả", "ỏa"),
        ("oã", "õa"),
        ("oạ", "ọa"),
        ("oé", "óe"),
        ("oè", "òe"),
        ("oẻ", "ỏe"),
        ("oẽ", "õe"),
        ("oẹ", "ọe"),
        ("uý", "úy"),
        ("uỳ", "ùy"),
        ("uỷ", "ủy"),
        ("uỹ", "ũy"),
        ("uỵ", "ụy"),
    ];
    let mut out = word.to_string();
    for (old, new) in PAIRS {
        // Only at a word's end: "hoàn", "quyết" keep their marks where they are.
        if out.ends_with(old) {
            let at = out.len() - old.len();
            out.replace_range(at.., new);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_and_new_tone_places_are_one_word() {
        assert!(is_compound("Văn", "hoá"));
        assert!(is_compound("văn", "hóa"));
        assert!(is_compound("Uỷ", "ban"));
        assert!(!is_compound("bản", "văn"));
        assert_eq!(modern_tones("hoàn"), "hoàn");
    }
}
