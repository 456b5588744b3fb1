//! Phones for a demonstration: N simulated learners join a session that
//! the app is presenting on this PC and answer each question after a
//! moment, a few of them late. For screenshots and for trying the
//! projector without a room.
//!
//! `cargo run --release --example live_phones -- PORT PIN [PHONES]`
//! (start the app with `NGHIQUYET_LIVE_PIN=PIN` to know the PIN ahead).

#[path = "../tests/common/phones.rs"]
mod phones;

use std::time::Duration;

const FAMILY: [&str; 10] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ",
];
const GIVEN: [&str; 12] = [
    "Văn An",
    "Thị Bình",
    "Minh Châu",
    "Thu Hà",
    "Quốc Hùng",
    "Thanh Lan",
    "Đức Long",
    "Ngọc Mai",
    "Hữu Nam",
    "Thị Oanh",
    "Công Phúc",
    "Kim Quyên",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let port: u16 = args.next().and_then(|a| a.parse().ok()).unwrap_or(8080);
    let pin = args.next().unwrap_or_else(|| phones::PIN.to_string());
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(24);
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let mut tasks = Vec::new();
        for i in 0..count {
            let name = format!("{} {}", FAMILY[(i * 7) % 10], GIVEN[(i * 5) % 12]);
            let pin = pin.clone();
            tasks.push(tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(150 * i as u64)).await;
                // The app may not be presenting yet: try for a minute.
                let mut socket = None;
                for _ in 0..120 {
                    match tokio_tungstenite::connect_async(format!("ws://{addr}/ws")).await {
                        Ok((s, _)) => {
                            socket = Some(s);
                            break;
                        }
                        Err(_) => tokio::time::sleep(Duration::from_millis(500)).await,
                    }
                }
                let Some(mut socket) = socket else {
                    return;
                };
                phones::next(&mut socket).await;
                phones::send(
                    &mut socket,
                    serde_json::json!({"type": "join", "pin": pin, "name": name}),
                )
                .await;
                let mut token = String::new();
                let mut done = std::collections::HashSet::new();
                while let Some(m) = phones::next_or_wait(&mut socket).await {
                    if m["type"] == "joined" {
                        token = m["token"].as_str().unwrap_or_default().to_string();
                    }
                    let state = &m["state"];
                    if state["phase"] == "end" {
                        break;
                    }
                    if state["phase"] != "question" || state["answered"] == true {
                        continue;
                    }
                    let q = state["number"].as_u64().unwrap_or(1) - 1;
                    // A few never answer; the rest over the first seconds.
                    if !done.insert(q) || (i + q as usize) % 9 == 4 {
                        continue;
                    }
                    tokio::time::sleep(Duration::from_millis(700 + (i as u64 * 389) % 4000)).await;
                    // Most choose the first letters, as rooms do.
                    let pick = (i * 3 + q as usize) % 5;
                    let mut answer = phones::answer_for(state, pick);
                    if state["kind"] == "single" {
                        let options = state["options"].as_u64().unwrap_or(4) as usize;
                        let choice = [0, 0, 1, 0, 2][pick] % options;
                        answer = serde_json::json!({ "choice": choice });
                    }
                    phones::send(
                        &mut socket,
                        serde_json::json!({"type": "answer", "pin": pin, "token": token, "question": q, "answer": answer}),
                    )
                    .await;
                }
            }));
        }
        for t in tasks {
            let _ = t.await;
        }
    });
}
