//! Unit tests of the PDF reader's layout rules.

use super::*;

#[test]
fn a_part_opens_with_its_number_not_with_a_word_that_looks_like_one() {
    for opens in [
        "Điều 5. Trách nhiệm thi hành",
        "Chương II",
        "Mục 3: Tổ chức",
        "Phần thứ nhất",
        "II. NHIỆM VỤ",
        "1.2. Mục tiêu cụ thể",
        "a) Về kinh tế",
        "- Một ý",
    ] {
        assert!(opens_part(opens), "{opens}");
    }
    for goes_on in [
        "Chương trình hành động được ban hành kèm theo",
        "Mục tiêu chung của cả giai đoạn",
        "Phần lớn các địa phương đã hoàn thành",
        "Điều kiện để được xét chọn",
        "Điều",
    ] {
        assert!(!opens_part(goes_on), "{goes_on}");
    }
}

#[test]
fn the_size_most_text_is_set_in_is_the_body_size() {
    let line = |text: &str, size: f32| FlowLine {
        text: text.into(),
        x0: 70.0,
        x1: 500.0,
        size,
        left: 70.0,
        right: 520.0,
        starts_flow: false,
        letterhead: false,
    };
    let lines = [
        line("MỘT TIÊU ĐỀ LỚN", 16.0),
        line("Dòng thân bài thứ nhất khá dài", 12.0),
        line("Dòng thân bài thứ hai cũng dài", 12.1),
    ];
    assert_eq!(body_size(&lines), 12.0);
    assert!(is_display(16.0, 12.0));
    assert!(!is_display(12.5, 12.0));
    // The large title runs over two lines as one block.
    let paras = paragraphs(&[
        line("MỘT TIÊU ĐỀ LỚN", 16.0),
        line("Về Việc Học Tập", 16.0),
        line("Dòng thân bài thứ nhất khá dài", 12.0),
        line("Dòng thân bài thứ hai cũng dài", 12.0),
        line("Dòng thân bài thứ ba cũng dài", 12.0),
    ]);
    assert_eq!(paras[0].text, "MỘT TIÊU ĐỀ LỚN Về Việc Học Tập");
    assert_eq!(paras[0].size, 16.0);
    assert_eq!(paras.len(), 2);
}

#[test]
fn a_numbered_part_ends_a_title_in_capitals() {
    for part in [
        "I. MỤC TIÊU",
        "1. QUAN ĐIỂM",
        "CHƯƠNG I",
        "PHẦN THỨ NHẤT",
        "Điều 1.",
    ] {
        assert!(is_numbered_part(part), "{part}");
    }
    for more in [
        "VỀ NÂNG CAO CHẤT LƯỢNG",
        "GIAI ĐOẠN 2026 - 2030",
        "NĂM 2025",
        "IV",
    ] {
        assert!(!is_numbered_part(more), "{more}");
    }
}
