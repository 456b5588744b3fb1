//! The room's server under a full room: 500 simulated phones over loopback
//! through a 10-question session, a tenth of them losing their connection
//! on every question and rejoining. Prints what a trainer's PC would see.
//!
//! `cargo run --release --example live_load [PHONES] [QUESTIONS]`
//! (500 phones need about 1,100 open files: `ulimit -n 4096` first where
//! the limit is 1,024.)

#[path = "../tests/common/phones.rs"]
mod phones;

fn main() {
    let mut args = std::env::args().skip(1);
    let count =
        |a: Option<String>, default: usize| a.and_then(|a| a.parse().ok()).unwrap_or(default);
    let phone_count = count(args.next(), 500);
    let questions = count(args.next(), 10);
    let f = phones::run(phone_count, questions);
    println!("phones:              {phone_count}");
    println!("questions:           {questions}");
    println!("answers sent:        {}", f.answers_sent);
    println!("answers counted:     {} (each once)", f.answers_counted);
    println!(
        "reconnects:          {} (scores kept: {})",
        f.reconnects, f.scores_kept
    );
    println!(
        "answer → counted:    p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        f.percentile(0.5),
        f.percentile(0.99),
        f.percentile(1.0)
    );
    println!(
        "server CPU:          {:.2} s over {:.1} s ({:.1} % of one core)",
        f.server_cpu_seconds,
        f.wall_seconds,
        100.0 * f.server_cpu_seconds / f.wall_seconds.max(0.001)
    );
    println!(
        "peak memory:         {:.0} MB (the process: server and all phones)",
        f.peak_rss_mb
    );
    let ok = f.answers_counted == phone_count * questions
        && f.answers_sent == f.answers_counted
        && f.scores_kept == f.reconnects
        && f.percentile(0.99) < 200.0;
    println!("{}", if ok { "PASS" } else { "FAIL" });
    std::process::exit(if ok { 0 } else { 1 });
}
