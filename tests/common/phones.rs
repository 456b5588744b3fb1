#![allow(dead_code)]
//! Simulated phones for the room's server: a WebSocket client speaking the
//! phone page's protocol, and a whole session driven with many of them
//! (the load test in `tests/live_server.rs` and `examples/live_load.rs`).

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use nghiquyet::classroom::live::{LiveConfig, LiveHandle, PhonesPlan, Show, server};
use nghiquyet::classroom::training::{Training, TrainingPlan};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub const PIN: &str = "4821";

pub type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// The bundled questions, `count` of them, in a fixed order.
pub fn items(count: usize) -> Vec<nghiquyet::quiz::practice::Item> {
    let library = nghiquyet::quiz::Library::load(std::path::Path::new("/nonexistent"));
    let sets: Vec<_> = library.sets.iter().collect();
    let plan = TrainingPlan {
        count,
        shuffle: false,
        seconds: 30,
        teams: Vec::new(),
        phones: None,
    };
    Training::new(&sets, plan, 7, nghiquyet::calendar::Millis::EPOCH, 0.0).items
}

/// A server on a free loopback port with a known PIN.
pub fn start(count: usize, plan: PhonesPlan) -> LiveHandle {
    server::start(LiveConfig {
        plan,
        items: items(count),
        pin: Some(PIN.into()),
        port: Some(0),
        on_change: Box::new(|| {}),
    })
    .expect("the server starts")
}

pub fn address(handle: &LiveHandle) -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], handle.port))
}

pub async fn connect(addr: SocketAddr) -> Socket {
    let (socket, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/ws"))
        .await
        .expect("the socket opens");
    socket
}

pub async fn send(socket: &mut Socket, message: Value) {
    socket
        .send(Message::Text(message.to_string().into()))
        .await
        .expect("sent");
}

/// The next JSON message (pings skipped); `None` when the server closed.
pub async fn next(socket: &mut Socket) -> Option<Value> {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(20), socket.next())
            .await
            .expect("the server answers within 20 s")?;
        match message {
            Ok(Message::Text(text)) => return Some(serde_json::from_str(&text).expect("JSON")),
            Ok(Message::Close(_)) | Err(_) => return None,
            Ok(_) => continue,
        }
    }
}

/// The next JSON message, however long the wait (a demonstration waits
/// for the trainer); `None` when the server closed.
pub async fn next_or_wait(socket: &mut Socket) -> Option<Value> {
    loop {
        match socket.next().await? {
            Ok(Message::Text(text)) => return serde_json::from_str(&text).ok(),
            Ok(Message::Close(_)) | Err(_) => return None,
            Ok(_) => continue,
        }
    }
}

/// Joins as `name`; returns the socket and the token.
pub async fn join(addr: SocketAddr, name: &str) -> (Socket, String) {
    let mut socket = connect(addr).await;
    let welcome = next(&mut socket).await.unwrap();
    assert_eq!(welcome["type"], "welcome");
    send(
        &mut socket,
        json!({"type": "join", "pin": PIN, "name": name, "unit": ""}),
    )
    .await;
    let joined = next(&mut socket).await.unwrap();
    assert_eq!(joined["type"], "joined", "{joined}");
    let token = joined["token"].as_str().unwrap().to_string();
    (socket, token)
}

/// What a load run measured.
#[derive(Debug, Default)]
pub struct Figures {
    pub answers_sent: usize,
    pub answers_counted: usize,
    pub reconnects: usize,
    pub scores_kept: usize,
    /// From an answer sent to its reply, which the server sends after the
    /// answer is counted in the projector's state (ms).
    pub latencies: Vec<f64>,
    pub server_cpu_seconds: f64,
    pub wall_seconds: f64,
    pub peak_rss_mb: f64,
}

impl Figures {
    pub fn percentile(&self, p: f64) -> f64 {
        let mut v = self.latencies.clone();
        v.sort_by(|a, b| a.total_cmp(b));
        if v.is_empty() {
            return 0.0;
        }
        v[((v.len() as f64 - 1.0) * p).round() as usize]
    }
}

/// CPU seconds used so far by the server's threads (Linux; 0 elsewhere).
pub fn server_cpu_seconds() -> f64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0.0;
    };
    let mut ticks = 0u64;
    for task in tasks.flatten() {
        let path = task.path();
        let comm = std::fs::read_to_string(path.join("comm")).unwrap_or_default();
        if !comm.starts_with("nghiquyet-live") {
            continue;
        }
        let stat = std::fs::read_to_string(path.join("stat")).unwrap_or_default();
        // Fields after the command's closing parenthesis: utime is the 12th.
        let rest = stat.rsplit_once(')').map_or("", |r| r.1);
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let field = |i: usize| {
            fields
                .get(i)
                .and_then(|f| f.parse::<u64>().ok())
                .unwrap_or(0)
        };
        ticks += field(11) + field(12);
    }
    ticks as f64 / 100.0
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// A whole session: `phones` join, `questions` are asked, each phone
/// answers each question once (a tenth of them lose their connection on
/// each question first and rejoin), then the reveal and the scores.
pub fn run(phones: usize, questions: usize) -> Figures {
    let handle = start(questions, PhonesPlan::default());
    let addr = address(&handle);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let sent = Arc::new(AtomicUsize::new(0));
    let reconnects = Arc::new(AtomicUsize::new(0));
    let kept = Arc::new(AtomicUsize::new(0));
    let cpu_before = server_cpu_seconds();
    let started = Instant::now();
    let latencies = runtime.block_on(async {
        let mut tasks = Vec::new();
        for i in 0..phones {
            let (sent, reconnects, kept) = (sent.clone(), reconnects.clone(), kept.clone());
            tasks.push(tokio::spawn(async move {
                phone(addr, i, sent, reconnects, kept).await
            }));
        }
        // Everyone in before the first question.
        let mut room = handle.watch_room();
        wait_for(&mut room, |r| r.joined == phones).await;
        for q in 0..questions {
            handle.show(Show::Asking {
                question: q,
                remaining: Some(60_000),
                limit: 60_000,
            });
            wait_for(&mut room, |r| {
                r.open && r.question == Some(q) && r.answered == phones
            })
            .await;
            handle.show(Show::Revealed { question: q });
            tokio::time::sleep(Duration::from_millis(50)).await;
            handle.show(Show::Leaderboard { question: q });
        }
        handle.show(Show::Finished);
        let mut latencies = Vec::new();
        for t in tasks {
            latencies.extend(t.await.expect("a phone's task"));
        }
        latencies
    });
    let wall = started.elapsed().as_secs_f64();
    let counted = handle
        .players()
        .iter()
        .map(|p| p.answers.iter().flatten().count())
        .sum();
    Figures {
        answers_sent: sent.load(Ordering::SeqCst),
        answers_counted: counted,
        reconnects: reconnects.load(Ordering::SeqCst),
        scores_kept: kept.load(Ordering::SeqCst),
        latencies,
        server_cpu_seconds: server_cpu_seconds() - cpu_before,
        wall_seconds: wall,
        peak_rss_mb: peak_rss_mb(),
    }
}

async fn wait_for(
    room: &mut tokio::sync::watch::Receiver<nghiquyet::classroom::live::RoomView>,
    done: impl Fn(&nghiquyet::classroom::live::RoomView) -> bool,
) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        if done(&room.borrow_and_update()) {
            return;
        }
        tokio::select! {
            changed = room.changed() => changed.expect("the server runs"),
            _ = tokio::time::sleep_until(deadline) => panic!("the room did not get there in 60 s: {:?}", *room.borrow()),
        }
    }
}

/// One phone through the session; returns its answers' latencies (ms).
async fn phone(
    addr: SocketAddr,
    i: usize,
    sent: Arc<AtomicUsize>,
    reconnects: Arc<AtomicUsize>,
    kept: Arc<AtomicUsize>,
) -> Vec<f64> {
    let (mut socket, token) = join(addr, &format!("Học viên {i}")).await;
    let mut latencies = Vec::new();
    let mut answered = std::collections::HashSet::new();
    let mut score = 0u64;
    let mut pending: Option<(usize, Instant)> = None;
    while let Some(m) = next(&mut socket).await {
        if m["type"] == "refused" {
            panic!("phone {i} refused: {m}");
        }
        let state = &m["state"];
        score = state["score"].as_u64().unwrap_or(score);
        match state["phase"].as_str() {
            Some("end") => break,
            Some("question") => {
                let q = state["number"].as_u64().unwrap() as usize - 1;
                if state["answered"] == true {
                    if let Some((pq, at)) = pending.take() {
                        assert_eq!(pq, q);
                        latencies.push(at.elapsed().as_secs_f64() * 1000.0);
                    }
                    continue;
                }
                if answered.contains(&q) {
                    continue;
                }
                // A tenth of the phones drop out on each question and come
                // back with their token before answering.
                if (i + q).is_multiple_of(10) {
                    let _ = socket.close(None).await;
                    socket = connect(addr).await;
                    let welcome = next(&mut socket).await.unwrap();
                    assert_eq!(welcome["type"], "welcome");
                    send(
                        &mut socket,
                        json!({"type": "rejoin", "pin": PIN, "token": token}),
                    )
                    .await;
                    let back = next(&mut socket).await.unwrap();
                    assert_eq!(back["type"], "state", "{back}");
                    reconnects.fetch_add(1, Ordering::SeqCst);
                    if back["state"]["score"].as_u64() == Some(score) {
                        kept.fetch_add(1, Ordering::SeqCst);
                    }
                }
                // Not all at once: over a second, as a room taps.
                tokio::time::sleep(Duration::from_millis(((i * 7919) % 1000) as u64)).await;
                let answer = answer_for(state, i);
                answered.insert(q);
                pending = Some((q, Instant::now()));
                sent.fetch_add(1, Ordering::SeqCst);
                send(
                    &mut socket,
                    json!({"type": "answer", "pin": PIN, "token": token, "question": q, "answer": answer}),
                )
                .await;
            }
            _ => {}
        }
    }
    latencies
}

/// A well-formed answer to the question a phone is shown (right or not).
pub fn answer_for(state: &Value, i: usize) -> Value {
    let n = |key: &str| state[key].as_u64().unwrap_or(0) as usize;
    match state["kind"].as_str() {
        Some("single") => json!({"choice": i % n("options").max(1)}),
        Some("multi") => json!({"choices": [0]}),
        Some("truefalse") => json!({"true_false": i.is_multiple_of(2)}),
        Some("number") => json!({"number": "5"}),
        Some("blanks") => json!({"blanks": vec!["x"; n("fields")]}),
        Some("order") => json!({"order": (0..n("options")).collect::<Vec<_>>()}),
        Some("match") => json!({"matches": (0..n("fields")).map(Some).collect::<Vec<_>>()}),
        other => panic!("unknown kind {other:?}"),
    }
}
