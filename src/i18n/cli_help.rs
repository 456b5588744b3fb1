//! The command line's help in Vietnamese. The English help is the
//! documentation of `main.rs`'s commands (clap reads it from there); this
//! table gives each command and argument its Vietnamese words, by path:
//! "" is the program, "generate" a command, "generate.output" an argument.

/// Headings and the help and version flags.
pub struct CliWords {
    pub usage: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub help: &'static str,
    pub version: &'static str,
}

pub const VI_WORDS: CliWords = CliWords {
    usage: "Cách dùng:",
    commands: "Lệnh",
    arguments: "Tham số",
    options: "Tùy chọn",
    help: "In hướng dẫn này",
    version: "In phiên bản",
};

const DOCUMENT: &str = "Văn bản (.docx, .doc, .pdf, .html, .txt hoặc .md).";
const FORCE: &str = "Ghi đè tệp kết quả nếu đã có (không bao giờ ghi đè tệp đầu vào).";

/// (path, words) for every command and argument.
pub const VI: &[(&str, &str)] = &[
    (
        "",
        "Học tập Nghị quyết — đọc một nghị quyết và tự kiểm tra hiểu biết về nó.",
    ),
    (
        "file",
        "Văn bản cần mở (.docx, .doc, .pdf, trang web đã lưu, .txt hoặc .md) thay cho nghị quyết kèm theo ứng dụng.",
    ),
    (
        "check",
        "Kiểm tra các tệp bộ câu hỏi (.ron) hoặc thư mục chứa chúng; in từng lỗi dạng tệp:dòng:cột: lời nhắn, và báo lỗi nếu có tệp sai.",
    ),
    ("check.paths", "Tệp hoặc thư mục cần kiểm tra."),
    (
        "generate",
        "Tạo câu hỏi từ các điểm chính của một văn bản, thành một bộ câu hỏi.",
    ),
    ("generate.document", DOCUMENT),
    (
        "generate.output",
        "Ghi bộ câu hỏi vào tệp .ron này thay vì in ra màn hình.",
    ),
    (
        "generate.seed",
        "Cùng một số hạt giống cho ra cùng những câu hỏi.",
    ),
    ("generate.force", FORCE),
    (
        "generate.report",
        "In báo cáo chất lượng thay cho bộ câu hỏi: số câu theo loại, lỗi tìm thấy ở từng câu, và các ý của --gold đã được hỏi.",
    ),
    (
        "generate.gold",
        "Tệp các ý báo cáo viên sẽ hỏi (xem tests/gold/), để --report đo.",
    ),
    (
        "convert",
        "Ghi văn bản (.docx, trang web, văn bản thường) đúng như ứng dụng đọc, dạng Markdown: ra màn hình hoặc vào OUT.md.",
    ),
    ("convert.file", DOCUMENT),
    ("convert.output", "Ghi vào tệp này thay vì in ra màn hình."),
    ("convert.force", "Ghi đè OUT.md nếu đã có."),
    (
        "anchors",
        "Liệt kê các câu của văn bản với mã vị trí (p7.s2), để viết câu hỏi trỏ đến chúng.",
    ),
    ("anchors.document", DOCUMENT),
    (
        "keypoints",
        "Liệt kê các điểm chính của văn bản với mã và vị trí của chúng.",
    ),
    ("keypoints.document", DOCUMENT),
    (
        "import",
        "Nhập câu hỏi thành bộ câu hỏi cho một văn bản: tệp Word (.docx) hoặc tệp chữ theo lối thường dùng (“Câu 1. … A. … Đáp án: B”), GIFT (Moodle) hoặc CSV.",
    ),
    (
        "import.file",
        "Tệp .docx, .txt (ngân hàng câu hỏi hoặc GIFT), .gift hoặc .csv.",
    ),
    (
        "import.document",
        "Văn bản mà các câu hỏi nói đến (mặc định: văn bản kèm theo ứng dụng).",
    ),
    (
        "import.output",
        "Nơi ghi bộ câu hỏi (mặc định: thư mục câu hỏi của ứng dụng).",
    ),
    ("import.force", FORCE),
    (
        "export",
        "Xuất bộ câu hỏi thành GIFT (cho Moodle), CSV (cho Anki), đề in HTML kèm đáp án, hoặc đề giấy nhiều mã đề (paper: .docx và .html, kèm phiếu trả lời và đáp án từng mã).",
    ),
    (
        "export.set",
        "Tệp bộ câu hỏi (.ron), hoặc tệp đề thi với --format paper.",
    ),
    ("export.format", "Định dạng: gift, csv, html hoặc paper."),
    (
        "export.output",
        "Nơi ghi (mặc định: cạnh bộ câu hỏi, dưới một tên chưa dùng).",
    ),
    (
        "export.versions",
        "Với --format paper: số mã đề (mặc định: các mã đề của tệp đề thi, hoặc 4).",
    ),
    (
        "export.unit",
        "Với --format paper: tên đơn vị in ở đầu mỗi đề.",
    ),
    ("export.force", FORCE),
    (
        "make-exam",
        "Làm tệp đề thi từ các bộ câu hỏi: câu hỏi và những cài đặt học viên không đổi được, một tệp để chép sang mọi máy.",
    ),
    ("make-exam.sets", "Các bộ câu hỏi (.ron) để rút câu."),
    ("make-exam.title", "Tên bài thi, như học viên thấy."),
    (
        "make-exam.count",
        "Số câu rút từ mỗi bộ (một số cho tất cả, hoặc mỗi bộ một số, cách nhau bằng dấu phẩy); 0 hoặc bỏ trống: lấy hết.",
    ),
    (
        "make-exam.minutes",
        "Thời gian làm bài, tính bằng phút (0: không giới hạn).",
    ),
    ("make-exam.pass_percent", "Phần trăm số điểm cần có để đạt."),
    (
        "make-exam.codes",
        "Các mã đề, cách nhau bằng dấu phẩy: mỗi mã một thứ tự câu hỏi.",
    ),
    (
        "make-exam.allow_reading",
        "Cho học viên xem và tìm trong văn bản khi làm bài.",
    ),
    (
        "make-exam.hide_answers",
        "Không cho học viên xem đáp án sau khi nộp bài.",
    ),
    ("make-exam.no_unit", "Chỉ hỏi họ tên, không hỏi đơn vị."),
    (
        "make-exam.opens",
        "Giờ mở đề, giờ địa phương: \"2026-12-05 08:00\".",
    ),
    ("make-exam.closes", "Giờ đóng đề, giờ địa phương."),
    (
        "make-exam.output",
        "Nơi ghi (mặc định: de-thi-TÊN.ron ở thư mục hiện tại).",
    ),
    (
        "make-exam.force",
        "Ghi đè tệp đã có (không bao giờ ghi đè bộ câu hỏi).",
    ),
    (
        "report",
        "Tổng hợp kết quả kiểm tra thu từ máy của học viên (tệp hoặc thư mục): điểm từng người, những câu khó nhất và những câu phân loại kém nhất.",
    ),
    ("report.paths", "Tệp kết quả hoặc thư mục chứa chúng."),
    (
        "report.paper",
        "Phiếu trả lời giấy đã gõ lại (mỗi người một dòng: “Họ tên; Đơn vị; 101: 1A 2C 3B”, hoặc bảng tính lưu dạng CSV); cần --exam.",
    ),
    (
        "report.exam",
        "Tệp đề thi của các bài này: điểm được tính lại theo đề, bài của đề khác hay làm với cài đặt khác được đánh dấu.",
    ),
    (
        "report.csv",
        "Ghi thêm toàn bộ bảng ra bảng tính (CSV, UTF-8).",
    ),
    (
        "report.xlsx",
        "Ghi thêm ra sổ Excel: mỗi người một dòng, mỗi câu một cột, và một trang thống kê câu hỏi.",
    ),
    ("report.force", FORCE),
];
