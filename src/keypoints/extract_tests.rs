//! Unit tests of the quotation rules.

use super::*;

#[test]
fn list_quotations_split_into_their_parts() {
    assert_eq!(
        quote_parts("Đoàn kết - Dân chủ - Kỷ cương - Sáng tạo - Phát triển"),
        ["Đoàn kết", "Dân chủ", "Kỷ cương", "Sáng tạo", "Phát triển"]
    );
    assert_eq!(
        quote_parts("Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển"),
        [
            "Kỷ cương",
            "trách nhiệm",
            "hành động",
            "sáng tạo",
            "phát triển"
        ]
    );
    assert_eq!(
        quote_parts("Phát triển kinh tế - xã hội là trung tâm; xây dựng Đảng là then chốt").len(),
        2
    );
    assert!(quote_parts("Một câu nói dài không phải danh sách").is_empty());
}

#[test]
fn labels_come_from_the_words_before_a_quotation() {
    assert_eq!(
        quote_label("tổ chức quán triệt sâu sắc phương châm Đại hội "),
        "phương châm Đại hội"
    );
    assert_eq!(
        quote_label("hành động quyết liệt theo tinh thần chủ đề năm 2021 "),
        "chủ đề năm 2021"
    );
    assert_eq!(
        quote_label("quán triệt thực hiện nghiêm quan điểm xuyên suốt của Đảng: "),
        "quan điểm xuyên suốt của Đảng"
    );
}
