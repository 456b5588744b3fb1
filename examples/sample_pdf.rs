//! Writes a two-page PDF resolution in our own words — a two-column
//! letterhead, a running header, wrapped paragraphs, numbered parts and
//! page numbers — as an office's word processor prints one. Used for the
//! README's screenshot of a PDF opened in the app:
//!
//! ```sh
//! cargo run --example sample_pdf -- /tmp/nghi-quyet-mau.pdf
//! ```

use nghiquyet::document::pdf::sample::{PageLines, make_pdf, wrap};

const HEADER: &str = "Tài liệu mẫu của ứng dụng Học tập Nghị quyết";

const BODY: &[(&str, &str)] = &[
    ("h", "I. TÌNH HÌNH VÀ KẾT QUẢ HỌC TẬP NĂM QUA"),
    (
        "p",
        "Năm qua, Đảng bộ huyện đã tổ chức 42 lớp học tập, quán triệt nghị quyết cho 3.860 cán bộ, đảng viên, đạt 97,5% tổng số đảng viên toàn Đảng bộ. Các chi bộ đã chủ động gắn việc học tập với nhiệm vụ chính trị của từng cơ quan, đơn vị.",
    ),
    (
        "p",
        "Tuy vậy, một số chi bộ ở vùng sâu còn tổ chức học tập muộn, hình thức chưa phong phú; việc kiểm tra nhận thức sau học tập chưa được làm thường xuyên.",
    ),
    ("h", "II. MỤC TIÊU ĐẾN NĂM 2027"),
    (
        "p",
        "Phấn đấu đến năm 2027 có ít nhất 99% cán bộ, đảng viên được học tập đầy đủ các nghị quyết mới trong thời hạn không quá 60 ngày kể từ ngày ban hành.",
    ),
    (
        "p",
        "100% chi bộ tổ chức kiểm tra nhận thức sau mỗi đợt học tập bằng câu hỏi trắc nghiệm; tỷ lệ đảng viên đạt yêu cầu từ 90% trở lên.",
    ),
    ("h", "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU"),
    (
        "p",
        "1. Đổi mới cách tổ chức học tập: kết hợp học tập trực tiếp với tự học trên máy tính và điện thoại, bảo đảm người cao tuổi cũng dễ dàng theo dõi.",
    ),
    (
        "p",
        "2. Nâng cao chất lượng đội ngũ báo cáo viên; mỗi xã, thị trấn có ít nhất 2 báo cáo viên được bồi dưỡng hằng năm.",
    ),
    (
        "p",
        "3. Kiểm tra, đánh giá kết quả học tập của từng đảng viên và lấy đó làm một căn cứ để đánh giá, xếp loại chất lượng cuối năm.",
    ),
    ("h", "IV. TỔ CHỨC THỰC HIỆN"),
    (
        "p",
        "Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy hướng dẫn, theo dõi và định kỳ 6 tháng báo cáo Ban Thường vụ Huyện ủy kết quả thực hiện Nghị quyết này.",
    ),
];

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "nghi-quyet-mau.pdf".to_string());
    // Each page: its header, then what fits, then its number.
    let mut lines: Vec<(f32, f32, String)> = vec![
        (80.0, 13.0, "ĐẢNG BỘ TỈNH MẪU SƠN".into()),
        (0.0, 0.0, String::new()),
    ];
    let letterhead: Vec<(f32, f32, f32, &str)> = vec![
        (75.0, 60.0, 13.0, "ĐẢNG BỘ TỈNH MẪU SƠN"),
        (90.0, 76.0, 13.0, "HUYỆN ỦY HỒ MẪU"),
        (330.0, 60.0, 13.0, "ĐẢNG CỘNG SẢN VIỆT NAM"),
        (360.0, 76.0, 13.0, "---------------"),
        (110.0, 92.0, 13.0, "*"),
        (95.0, 108.0, 13.0, "Số 05-NQ/HU"),
        (320.0, 108.0, 12.0, "Hồ Mẫu, ngày 12 tháng 3 năm 2026"),
        (260.0, 146.0, 15.0, "NGHỊ QUYẾT"),
        (
            130.0,
            166.0,
            14.0,
            "VỀ NÂNG CAO CHẤT LƯỢNG HỌC TẬP NGHỊ QUYẾT",
        ),
        (200.0, 184.0, 14.0, "GIAI ĐOẠN 2026 - 2027"),
    ];
    lines.clear();
    for (kind, text) in BODY {
        let (size, indent, width) = if *kind == "h" {
            (13.0, 70.0, 70)
        } else {
            (12.5, 85.0, 72)
        };
        for (i, line) in wrap(text, width).into_iter().enumerate() {
            lines.push((if i == 0 { indent } else { 70.0 }, size, line));
        }
        lines.push((0.0, 0.0, String::new()));
    }
    let numbers = ["1", "2", "3", "4"];
    let mut pages: Vec<PageLines> = vec![letterhead];
    pages[0].push((200.0, 30.0, 9.0, HEADER));
    let mut y = 220.0;
    for (x, size, text) in &lines {
        if text.is_empty() {
            y += 6.0;
            continue;
        }
        if y > 560.0 && pages.len() == 1 || y > 770.0 {
            let n = pages.len();
            pages
                .last_mut()
                .unwrap()
                .push((290.0, 810.0, 10.0, numbers[n - 1]));
            pages.push(vec![(200.0, 30.0, 9.0, HEADER)]);
            y = 70.0;
        }
        pages.last_mut().unwrap().push((*x, y, *size, text));
        y += size * 1.5;
    }
    let n = pages.len();
    let last = pages.last_mut().unwrap();
    last.push((80.0, y + 30.0, 12.0, "Nơi nhận:"));
    last.push((330.0, y + 30.0, 12.0, "T/M HUYỆN ỦY"));
    last.push((80.0, y + 46.0, 12.0, "- Các chi bộ, đảng bộ cơ sở,"));
    last.push((345.0, y + 46.0, 12.0, "BÍ THƯ"));
    last.push((80.0, y + 62.0, 12.0, "- Lưu Văn phòng."));
    last.push((335.0, y + 110.0, 12.0, "Trần Văn Mẫu"));
    last.push((290.0, 810.0, 10.0, numbers[n - 1]));
    std::fs::write(&out, make_pdf(&pages)).expect("the PDF is written");
    println!("{out}: {n} pages");
}
