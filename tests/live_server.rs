//! The room's server, over real sockets on loopback: what it serves, the
//! protocol's refusals, and a short load run (the full one, 500 phones, is
//! `cargo run --release --example live_load`).

#[path = "common/phones.rs"]
mod phones;

use std::io::{Read, Write};
use std::time::Duration;

use nghiquyet::classroom::live::{PhonesPlan, Show};
use phones::{PIN, address, connect, join, next, send};
use serde_json::json;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// A plain HTTP GET: (status line, headers, body).
fn get(port: u16, path: &str) -> (String, String, String) {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let (status, headers) = head.split_once("\r\n").unwrap_or((head, ""));
    (
        status.to_string(),
        headers.to_ascii_lowercase(),
        body.to_string(),
    )
}

#[test]
fn it_serves_its_own_page_under_a_strict_policy_and_nothing_else() {
    let handle = phones::start(2, PhonesPlan::default());
    let (status, headers, body) = get(handle.port, "/");
    assert!(status.contains("200"), "{status}");
    assert!(body.contains("<script src=\"/app.js\">"), "{body}");
    assert!(
        headers.contains("content-security-policy: default-src 'none'; script-src 'self'"),
        "{headers}"
    );
    assert!(headers.contains("frame-ancestors 'none'"));
    assert!(headers.contains("x-content-type-options: nosniff"));
    for (path, kind) in [("/app.js", "text/javascript"), ("/app.css", "text/css")] {
        let (status, headers, body) = get(handle.port, path);
        assert!(status.contains("200") && headers.contains(kind), "{path}");
        assert!(body.len() > 500, "{path}");
    }
    for path in [
        "/Cargo.toml",
        "/../Cargo.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/etc/passwd",
        "/src/main.rs",
    ] {
        let (status, _, _) = get(handle.port, path);
        assert!(status.contains("404"), "{path}: {status}");
    }
    // The page sets names as text, never as HTML.
    let (_, _, script) = get(handle.port, "/app.js");
    assert!(!script.contains("innerHTML") && !script.contains("eval("));
    // The server listens only while the session runs.
    let port = handle.port;
    handle.stop();
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err());
}

#[test]
fn the_protocol_refuses_what_it_must() {
    let handle = phones::start(3, PhonesPlan::default());
    let addr = address(&handle);
    runtime().block_on(async {
        // A wrong PIN.
        let mut s = connect(addr).await;
        next(&mut s).await.unwrap();
        send(&mut s, json!({"type": "join", "pin": "0000", "name": "An"})).await;
        assert_eq!(next(&mut s).await.unwrap()["reason"], "wrong_pin");
        // A 10 KB name: refused with a sentence, the connection kept.
        let name = "ư".repeat(5 * 1024);
        send(&mut s, json!({"type": "join", "pin": PIN, "name": name})).await;
        assert_eq!(next(&mut s).await.unwrap()["reason"], "name_too_long");
        // Markup in a name is kept as text, to be shown as text.
        send(
            &mut s,
            json!({"type": "join", "pin": PIN, "name": "<img src=x onerror=alert(1)>"}),
        )
        .await;
        let joined = next(&mut s).await.unwrap();
        assert_eq!(joined["state"]["name"], "<img src=x onerror=alert(1)>");

        let (mut phone, token) = join(addr, "Bình").await;
        // A forged token, and the right token with a wrong PIN.
        send(
            &mut phone,
            json!({"type": "answer", "pin": PIN, "token": "00112233445566778899aabbccddeeff", "question": 0, "answer": {"choice": 0}}),
        )
        .await;
        assert_eq!(next(&mut phone).await.unwrap()["reason"], "unknown_player");
        send(
            &mut phone,
            json!({"type": "rejoin", "pin": "1234", "token": token}),
        )
        .await;
        assert_eq!(next(&mut phone).await.unwrap()["reason"], "wrong_pin");
        // Before the question: nothing taken.
        send(
            &mut phone,
            json!({"type": "answer", "pin": PIN, "token": token, "question": 0, "answer": {"choice": 0}}),
        )
        .await;
        assert_eq!(next(&mut phone).await.unwrap()["reason"], "not_asking");

        // The question with 300 ms on the clock.
        handle.show(Show::Asking {
            question: 0,
            remaining: Some(300),
            limit: 300,
        });
        let pushed = next(&mut phone).await.unwrap();
        assert_eq!(pushed["state"]["phase"], "question");
        // An answer to another question.
        send(
            &mut phone,
            json!({"type": "answer", "pin": PIN, "token": token, "question": 1, "answer": {"order": [0]}}),
        )
        .await;
        assert_eq!(next(&mut phone).await.unwrap()["reason"], "other_question");
        // After time is up, by the server's clock.
        tokio::time::sleep(Duration::from_millis(400)).await;
        let answer = phones::answer_for(&pushed["state"], 0);
        send(
            &mut phone,
            json!({"type": "answer", "pin": PIN, "token": token, "question": 0, "answer": answer}),
        )
        .await;
        assert_eq!(next(&mut phone).await.unwrap()["reason"], "time_up");
        assert_eq!(handle.room().answered, 0);

        // 100 messages in a second from one phone: a burst is read, the
        // rest refused, the phone told once; the room unharmed.
        handle.show(Show::Asking {
            question: 0,
            remaining: Some(30_000),
            limit: 30_000,
        });
        next(&mut phone).await.unwrap();
        for _ in 0..100 {
            send(
                &mut phone,
                json!({"type": "answer", "pin": PIN, "token": token, "question": 0, "answer": answer}),
            )
            .await;
        }
        let mut replies = Vec::new();
        while let Ok(Some(m)) =
            tokio::time::timeout(Duration::from_millis(500), next(&mut phone)).await
        {
            replies.push(m);
        }
        let count = |what: &str| {
            replies
                .iter()
                .filter(|m| m["reason"] == what || m["type"] == what)
                .count()
        };
        assert_eq!(count("state"), 1, "the answer counted once: {replies:?}");
        assert!(count("already_answered") <= 10, "{replies:?}");
        assert_eq!(count("too_fast"), 1, "told once: {replies:?}");
        assert_eq!(handle.room().answered, 1);
        // Still served after the burst, once the rate allows.
        tokio::time::sleep(Duration::from_millis(500)).await;
        send(&mut phone, json!({"type": "rejoin", "pin": PIN, "token": token})).await;
        assert_eq!(next(&mut phone).await.unwrap()["type"], "state");

        // Sent out by the trainer: told so, and refused after.
        let id = handle.room().names.iter().find(|n| n.1 == "Bình").unwrap().0;
        handle.remove(id);
        assert_eq!(next(&mut phone).await.unwrap()["reason"], "removed");
        let mut again = connect(addr).await;
        next(&mut again).await.unwrap();
        send(&mut again, json!({"type": "rejoin", "pin": PIN, "token": token})).await;
        assert_eq!(next(&mut again).await.unwrap()["reason"], "removed");
        // Garbage is refused, not fatal.
        send(&mut again, json!({"type": "steal", "all": true})).await;
        assert_eq!(next(&mut again).await.unwrap()["reason"], "bad_answer");
    });
}

#[test]
fn a_message_over_the_limit_closes_only_that_connection() {
    let handle = phones::start(1, PhonesPlan::default());
    let addr = address(&handle);
    runtime().block_on(async {
        let mut s = connect(addr).await;
        next(&mut s).await.unwrap();
        let huge = "x".repeat(64 * 1024);
        let _ = futures_util::SinkExt::send(
            &mut s,
            tokio_tungstenite::tungstenite::Message::Text(huge.into()),
        )
        .await;
        assert!(next(&mut s).await.is_none(), "closed");
        let (_, _) = join(addr, "Còn vào được").await;
    });
    assert_eq!(handle.room().joined, 1);
}

#[test]
fn a_short_session_counts_every_answer_once_through_reconnects() {
    let figures = phones::run(100, 3);
    println!(
        "100 phones, 3 questions: {} answers, {} reconnects, p99 {:.1} ms, server CPU {:.2} s, {:.1} s, peak memory {:.0} MB",
        figures.answers_counted,
        figures.reconnects,
        figures.percentile(0.99),
        figures.server_cpu_seconds,
        figures.wall_seconds,
        figures.peak_rss_mb,
    );
    assert_eq!(figures.answers_sent, 300);
    assert_eq!(
        figures.answers_counted, 300,
        "every answer counted exactly once"
    );
    assert_eq!(figures.latencies.len(), 300, "every answer acknowledged");
    assert_eq!(
        figures.reconnects, 30,
        "a tenth of the phones on each question"
    );
    assert_eq!(
        figures.scores_kept, figures.reconnects,
        "scores kept through reconnects"
    );
}
