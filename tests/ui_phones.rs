//! A training session answered on phones, through the window: the trainer
//! ticks the option and starts; simulated phones join the real server;
//! the projector shows who came, the live count, the reveal with its
//! numbers, the leaderboard and the podium; the session file keeps every
//! answer.

mod common;
#[path = "common/phones.rs"]
mod phones;

use common::ui::{THREE, click, press, step, window};

use std::time::Duration;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nghiquyet::classroom::training::{Stage, TrainingResult};
use nghiquyet::paths::Paths;
use nghiquyet::ui::{App, Screen};
use serde_json::json;

fn stage(h: &Harness<'_, App>) -> (usize, Stage) {
    let t = h.state().session().training().expect("presenting");
    (t.current, t.stage)
}

/// Frames until the room shows `done` (the server works on its own thread).
fn until(h: &mut Harness<'_, App>, what: &str, done: impl Fn(&Harness<'_, App>) -> bool) {
    for _ in 0..200 {
        h.run_steps(1);
        if done(h) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("never: {what}");
}

#[test]
fn a_session_answered_on_phones_from_lobby_to_podium() {
    let home = tempfile::tempdir().unwrap();
    let mut h = window(home.path(), &[("ba-cau.ron", THREE)], [1024.0, 768.0], 0.25);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    step(&mut h);
    assert_eq!(h.state().screen(), Screen::Session);
    click(
        &mut h,
        &format!(
            "{}  (49 câu · kèm theo ứng dụng)",
            "Nghị quyết Đại hội XVII Đảng bộ thành phố Hà Nội — những điểm chính"
        ),
    );
    h.get_by_label("Xáo trộn thứ tự câu hỏi và lựa chọn")
        .click();
    step(&mut h);
    click(
        &mut h,
        "Mọi người trả lời bằng điện thoại (qua Wi-Fi của phòng, không cần Internet)",
    );
    // Keyboard teams are for rooms without phones.
    h.get_by_label("Mỗi tổ dùng một điện thoại (phòng đông, Wi-Fi yếu)");
    press(&mut h, Key::F5);
    assert_eq!(stage(&h), (0, Stage::Ready));
    let room = h.state().room().expect("the room is open");
    let (port, pin) = (room.port(), room.pin().to_string());
    assert_eq!(pin.len(), 4);
    // The lobby: how to join (or, on a PC with no network, what to do).
    h.get_by_label("Vào bằng điện thoại");
    let joined_label = "0 người đã vào";
    h.get_by_label(joined_label);
    match &h.state().room().unwrap().address {
        Some(address) => {
            h.get_by_label(&address.typed);
            h.get_by_label(&format!("Mã PIN: {pin}"));
        }
        None => {
            h.get_by_label_contains("chưa nối vào mạng nào");
        }
    }
    // The choice is remembered for the next session.
    assert!(h.state().settings().session_phones.is_some());

    // Three phones join over loopback.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let join = |name: &str| {
        runtime.block_on(async {
            let mut socket = phones::connect(addr).await;
            phones::next(&mut socket).await;
            phones::send(
                &mut socket,
                json!({"type": "join", "pin": pin, "name": name}),
            )
            .await;
            let joined = phones::next(&mut socket).await.unwrap();
            let token = joined["token"].as_str().unwrap().to_string();
            (socket, token)
        })
    };
    let (mut an, an_token) = join("Nguyễn Văn An");
    let (mut binh, binh_token) = join("Lê Thị Bình");
    let (_troll, _) = join("Kẻ phá đám");
    until(&mut h, "three in the room", |h| {
        h.query_by_label("3 người đã vào").is_some()
    });
    // A click on a name takes that player out.
    click(&mut h, "Kẻ phá đám");
    until(&mut h, "two in the room", |h| {
        h.query_by_label("2 người đã vào").is_some()
    });
    assert!(h.query_by_label("Kẻ phá đám").is_none());

    // Question 1: the live count.
    press(&mut h, Key::Space);
    assert_eq!(stage(&h), (0, Stage::Asking));
    h.get_by_label("Có bao nhiêu khâu đột phá?");
    h.get_by_label("Đã trả lời: 0/2");
    let answer = |socket: &mut phones::Socket, token: &str, question: usize, choice: usize| {
        runtime.block_on(async {
            // The push of the new question first, then the answer.
            loop {
                let m = phones::next(socket).await.unwrap();
                if m["state"]["phase"] == "question" {
                    break;
                }
            }
            phones::send(
                socket,
                json!({"type": "answer", "pin": pin, "token": token, "question": question, "answer": {"choice": choice}}),
            )
            .await;
            let reply = phones::next(socket).await.unwrap();
            assert_eq!(reply["state"]["answered"], true, "{reply}");
        })
    };
    // Not shuffled: B is "3", the right answer.
    answer(&mut an, &an_token, 0, 1);
    until(&mut h, "one answer counted", |h| {
        h.query_by_label("Đã trả lời: 1/2").is_some()
    });
    answer(&mut binh, &binh_token, 0, 0);
    until(&mut h, "two answers counted", |h| {
        h.query_by_label("Đã trả lời: 2/2").is_some()
    });
    // The reveal: who chose what, and how many were right.
    press(&mut h, Key::Space);
    assert_eq!(stage(&h), (0, Stage::Revealed));
    until(&mut h, "the reveal's counts", |h| {
        h.query_by_label("Đã trả lời: 2/2 · Đúng: 1").is_some()
    });
    h.get_by_label("✔ Đáp án đúng · 1");
    // Then the leaderboard, An first.
    press(&mut h, Key::Space);
    assert_eq!(stage(&h), (0, Stage::Scoreboard));
    h.get_by_label("Bảng xếp hạng sau câu 1");
    h.get_by_label("Nguyễn Văn An");
    // Questions 2 and 3, unanswered; then the end: the podium.
    for _ in 0..7 {
        press(&mut h, Key::Space);
    }
    assert_eq!(stage(&h).1, Stage::Finished);
    h.get_by_label("Kết quả chung cuộc");
    // Escape leaves full screen, then ends: the room closes, the session
    // file keeps each phone's answers.
    press(&mut h, Key::Escape);
    press(&mut h, Key::Escape);
    step(&mut h);
    assert!(
        h.state().room().is_none(),
        "the server stops with the session"
    );
    assert!(std::net::TcpStream::connect(addr).is_err());
    let sessions = Paths::under(home.path()).data_dir.join("sessions");
    let file = std::fs::read_dir(&sessions)
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    let saved: TrainingResult = ron::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved.players.len(), 2, "the player taken out is not kept");
    let an = saved
        .players
        .iter()
        .find(|p| p.name == "Nguyễn Văn An")
        .unwrap();
    assert!(an.answers[0].as_ref().unwrap().verdict.is_right());
    assert!(an.answers[1].is_none() && an.answers[2].is_none());
    assert!(an.score >= 500);
    // The report reads it as each learner's result.
    let (ok, out, _) = common::run_cli(&["report", file.to_str().unwrap()], home.path());
    assert!(ok, "{out}");
    assert!(
        out.contains("Nguyễn Văn An") && out.contains("Lê Thị Bình"),
        "{out}"
    );
}
