//! The phone page in a real browser: headless Chromium (Debian's package),
//! driven over its DevTools protocol at a phone's size (360×640), joins
//! with the PIN, answers, and sees the result, against the running server.
//! Skips, saying so, where Chromium is not installed. Screenshots of each
//! step go to `target/phone-page/` to be looked at.

#[path = "common/phones.rs"]
mod phones;

use std::path::{Path, PathBuf};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use nghiquyet::classroom::live::{LiveConfig, PhonesPlan, Show, server};
use nghiquyet::quiz::practice::{Item, Layout};
use nghiquyet::quiz::{Answer, Question, Rules, Source};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

fn chromium() -> Option<PathBuf> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// A question of our own: "B" on screen is the right one.
fn question() -> Item {
    Item {
        question: Question {
            id: "q1".into(),
            prompt: "Hội nghị thử nghiệm họp vào mùa nào?".into(),
            answer: Answer::SingleChoice {
                choices: vec![
                    "Mùa xuân".into(),
                    "Mùa hạ".into(),
                    "Mùa thu".into(),
                    "Mùa đông".into(),
                ],
                answer: 2,
            },
            explanation: String::new(),
            source: Source {
                anchor: "p1".parse().unwrap(),
                quote: String::new(),
            },
            tags: Vec::new(),
            key_point: None,
            difficulty: None,
        },
        rules: Rules::default(),
        set_title: "Bộ thử".into(),
        set_key: "thu".into(),
        document: String::new(),
        // On screen: A = Mùa xuân, B = Mùa thu (right), C = Mùa hạ, D = Mùa đông.
        layout: Layout {
            choices: vec![0, 2, 1, 3],
            items: Vec::new(),
            rights: Vec::new(),
        },
    }
}

struct Browser {
    child: std::process::Child,
    socket: tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
    next_id: u64,
    session: String,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    async fn launch(binary: &Path, profile: &Path, url: &str) -> Browser {
        let child = std::process::Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
                "--window-size=360,640",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("Chromium starts");
        // Chromium writes its DevTools port and path once it listens.
        let file = profile.join("DevToolsActivePort");
        let mut lines = Vec::new();
        for _ in 0..200 {
            if let Ok(text) = std::fs::read_to_string(&file) {
                lines = text.lines().map(str::to_string).collect();
                if lines.len() >= 2 {
                    break;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(lines.len() >= 2, "Chromium did not open its DevTools port");
        let (socket, _) =
            tokio_tungstenite::connect_async(format!("ws://127.0.0.1:{}{}", lines[0], lines[1]))
                .await
                .expect("DevTools connects");
        let mut browser = Browser {
            child,
            socket,
            next_id: 0,
            session: String::new(),
        };
        let target = browser
            .call("Target.createTarget", json!({"url": "about:blank"}))
            .await;
        let attached = browser
            .call(
                "Target.attachToTarget",
                json!({"targetId": target["targetId"], "flatten": true}),
            )
            .await;
        browser.session = attached["sessionId"].as_str().unwrap().to_string();
        browser
            .call(
                "Emulation.setDeviceMetricsOverride",
                json!({"width": 360, "height": 640, "deviceScaleFactor": 2, "mobile": true}),
            )
            .await;
        browser.call("Page.navigate", json!({"url": url})).await;
        browser
    }

    /// A DevTools command and its result.
    async fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(Message::Text(message.to_string().into()))
            .await
            .unwrap();
        loop {
            let reply = tokio::time::timeout(Duration::from_secs(20), self.socket.next())
                .await
                .expect("DevTools answers")
                .expect("DevTools open")
                .unwrap();
            let Message::Text(text) = reply else { continue };
            let value: Value = serde_json::from_str(&text).unwrap();
            if value["id"] == id {
                assert!(value.get("error").is_none(), "{method}: {value}");
                return value["result"].clone();
            }
        }
    }

    /// The value of a script run in the page.
    async fn eval(&mut self, script: &str) -> Value {
        let r = self
            .call(
                "Runtime.evaluate",
                json!({"expression": script, "returnByValue": true}),
            )
            .await;
        r["result"]["value"].clone()
    }

    /// Waits until a script in the page is true.
    async fn until(&mut self, script: &str) {
        for _ in 0..100 {
            if self.eval(script).await == json!(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let body = self.eval("document.body.innerText").await;
        panic!("never true: {script}\npage: {body}");
    }

    async fn screenshot(&mut self, path: &Path) {
        let shot = self
            .call("Page.captureScreenshot", json!({"format": "png"}))
            .await;
        let bytes = base64(shot["data"].as_str().unwrap());
        std::fs::write(path, bytes).unwrap();
    }
}

fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text.bytes().filter(|&c| c != b'=' && c != b'\n').collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= u32::from(value(c)) << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    out
}

#[test]
fn a_phone_joins_answers_and_sees_its_result_in_chromium() {
    let Some(binary) = chromium() else {
        println!(
            "note: Chromium is not installed (apt-get install chromium); the browser test is skipped"
        );
        return;
    };
    let handle = server::start(LiveConfig {
        plan: PhonesPlan {
            text_on_phone: true,
            ..PhonesPlan::default()
        },
        items: vec![question()],
        pin: Some(phones::PIN.into()),
        port: Some(0),
        on_change: Box::new(|| {}),
    })
    .unwrap();
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("phone-page");
    std::fs::create_dir_all(&shots).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let url = format!("http://127.0.0.1:{}/?pin={}", handle.port, phones::PIN);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut page = Browser::launch(&binary, profile.path(), &url).await;
        // The join form, the PIN filled in from the address.
        page.until("!document.getElementById('join').hidden").await;
        assert_eq!(
            page.eval("document.getElementById('pin').value").await,
            json!(phones::PIN)
        );
        page.eval("document.getElementById('name').value = 'Trần Thị Thử'")
            .await;
        page.screenshot(&shots.join("1-join.png")).await;
        page.eval("document.getElementById('join-button').click()")
            .await;
        page.until("!document.getElementById('wait').hidden").await;
        assert_eq!(handle.room().joined, 1);
        assert_eq!(
            page.eval("document.getElementById('who').textContent").await,
            json!("Trần Thị Thử")
        );
        page.screenshot(&shots.join("2-waiting.png")).await;

        // The question: four lettered buttons with the choices' text.
        handle.show(Show::Asking {
            question: 0,
            remaining: Some(30_000),
            limit: 30_000,
        });
        page.until("!document.getElementById('ask').hidden").await;
        assert_eq!(
            page.eval("document.querySelectorAll('#options button').length")
                .await,
            json!(4)
        );
        assert_eq!(
            page.eval("document.querySelectorAll('#options button')[1].textContent")
                .await,
            json!("BMùa thu")
        );
        page.until("/^[0-9]+ s$/.test(document.getElementById('clock').textContent)")
            .await;
        page.screenshot(&shots.join("3-question.png")).await;
        page.eval("document.querySelectorAll('#options button')[1].click()")
            .await;
        page.until("document.getElementById('wait-text').textContent.indexOf('Đã gửi') === 0")
            .await;
        assert_eq!(handle.room().answered, 1);
        assert_eq!(handle.room().counts, [0, 1, 0, 0]);
        page.screenshot(&shots.join("4-sent.png")).await;

        // A reload keeps the learner (the token in the browser).
        page.call("Page.reload", json!({})).await;
        page.until("!document.getElementById('wait').hidden && document.getElementById('who').textContent === 'Trần Thị Thử'")
            .await;
        assert_eq!(handle.room().joined, 1, "the same learner, not a new one");

        // The reveal: right, the points and the rank.
        handle.show(Show::Revealed { question: 0 });
        page.until("!document.getElementById('result').hidden").await;
        assert_eq!(
            page.eval("document.getElementById('verdict').textContent")
                .await,
            json!("Đúng!")
        );
        let points = page
            .eval("document.getElementById('points').textContent")
            .await;
        assert!(
            points.as_str().unwrap().starts_with('+'),
            "{points}"
        );
        assert_eq!(
            page.eval("document.getElementById('rank').textContent").await,
            json!("Bạn đứng thứ 1/1")
        );
        page.screenshot(&shots.join("5-result.png")).await;
        handle.show(Show::Finished);
        page.until("document.getElementById('verdict').textContent.indexOf('kết thúc') > 0")
            .await;
        page.screenshot(&shots.join("6-end.png")).await;
    });
    println!("phone page screenshots: {}", shots.display());
}
