//! The room's rules, without a network.

use super::*;
use crate::quiz::practice::Layout;
use crate::quiz::{Question, Rules, Source};

fn item(answer: Answer, layout: Layout) -> Item {
    Item {
        question: Question {
            id: "q".into(),
            prompt: "Câu hỏi thử?".into(),
            answer,
            explanation: String::new(),
            source: Source {
                anchor: "p1".parse().expect("an anchor"),
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
        layout,
    }
}

fn layout(choices: Vec<usize>) -> Layout {
    Layout {
        choices,
        items: vec![2, 0, 1],
        rights: vec![1, 0],
    }
}

fn game(plan: PhonesPlan) -> Game {
    let choice = Answer::SingleChoice {
        choices: vec!["một".into(), "hai".into(), "ba".into(), "bốn".into()],
        answer: 2,
    };
    let order = Answer::Ordering(vec!["đầu".into(), "giữa".into(), "cuối".into()]);
    let number = Answer::Numeric {
        answer: 7.5,
        tolerance: 0.0,
        unit: Some("%".into()),
    };
    Game::new(
        "4821".into(),
        plan,
        vec![
            // On screen: A = "ba" (index 2, right), B = "một", …
            item(choice, layout(vec![2, 0, 1, 3])),
            item(order, layout(vec![])),
            item(number, layout(vec![])),
        ],
    )
}

fn ask(g: &mut Game, question: usize, opened: u64, seconds: u64) {
    g.set_phase(Phase::Asking {
        question,
        opened,
        deadline: Some(opened + seconds * 1000),
        limit: seconds * 1000,
    });
}

#[test]
fn joining_needs_the_pin_and_a_sensible_name() {
    let mut g = game(PhonesPlan::default());
    assert_eq!(
        g.join("1111", "An", "", "t1".into()),
        Err(Refusal::WrongPin)
    );
    assert_eq!(
        g.join("48210", "An", "", "t1".into()),
        Err(Refusal::WrongPin)
    );
    assert_eq!(
        g.join("4821", "  \u{202e} ", "", "t1".into()),
        Err(Refusal::EmptyName)
    );
    let long = "a".repeat(10 * 1024);
    assert_eq!(
        g.join("4821", &long, "", "t1".into()),
        Err(Refusal::NameTooLong)
    );
    let at = g
        .join("4821", "  Nguyễn\tVăn   An ", "", "t1".into())
        .unwrap();
    assert_eq!(g.players[at].shown, "Nguyễn Văn An");
    assert_eq!(g.player("4821", "t1"), Ok(at));
    assert_eq!(g.player("4821", "forged"), Err(Refusal::UnknownPlayer));
    assert_eq!(g.player("0000", "t1"), Err(Refusal::WrongPin));
}

#[test]
fn two_people_of_the_same_name_are_told_apart() {
    let plan = PhonesPlan {
        ask_unit: true,
        ..PhonesPlan::default()
    };
    let mut g = game(plan);
    let a = g
        .join("4821", "Lê Hoa", "Phòng Tổ chức", "a".into())
        .unwrap();
    let b = g.join("4821", "lê hoa", "Văn phòng", "b".into()).unwrap();
    let c = g.join("4821", "Lê Hoa", "Văn phòng", "c".into()).unwrap();
    let shown: Vec<&str> = [a, b, c]
        .iter()
        .map(|&i| g.players[i].shown.as_str())
        .collect();
    assert_eq!(shown, ["Lê Hoa", "lê hoa (Văn phòng)", "Lê Hoa (3)"]);
}

#[test]
fn answers_count_once_for_the_question_on_screen_until_time_is_up() {
    let mut g = game(PhonesPlan::default());
    let p = g.join("4821", "An", "", "t".into()).unwrap();
    assert_eq!(
        g.answer(p, 0, PhoneAnswer::Choice(0), 0).err(),
        Some(Refusal::NotAsking),
        "nothing is taken in the lobby"
    );
    ask(&mut g, 0, 1_000, 20);
    assert_eq!(
        g.answer(p, 1, PhoneAnswer::Order(vec![0, 1, 2]), 2_000)
            .err(),
        Some(Refusal::OtherQuestion)
    );
    assert_eq!(
        g.answer(p, 0, PhoneAnswer::Choice(7), 2_000).err(),
        Some(Refusal::BadAnswer),
        "a letter the question does not have"
    );
    assert_eq!(
        g.answer(p, 0, PhoneAnswer::Number("3".into()), 2_000).err(),
        Some(Refusal::BadAnswer),
        "an answer of another kind"
    );
    assert_eq!(
        g.answer(p, 0, PhoneAnswer::Choice(0), 21_001).err(),
        Some(Refusal::TimeUp),
        "by the server's clock"
    );
    let a = g.answer(p, 0, PhoneAnswer::Choice(0), 11_000).unwrap();
    assert_eq!(a.verdict, Verdict::Right);
    assert_eq!(
        a.points, 750,
        "right at half time: three quarters of the points"
    );
    assert_eq!(
        g.answer(p, 0, PhoneAnswer::Choice(1), 12_000).err(),
        Some(Refusal::AlreadyAnswered)
    );
    assert_eq!(g.players[p].score, 750);
    assert_eq!(g.phone(p, 12_000).score, 0, "the points show at the reveal");
    let room = g.room();
    assert_eq!((room.answered, room.right), (1, 1));
    assert_eq!(room.counts, [1, 0, 0, 0], "A chosen once");
}

#[test]
fn streaks_add_a_bonus_and_a_miss_breaks_them() {
    let mut g = game(PhonesPlan::default());
    let p = g.join("4821", "An", "", "t".into()).unwrap();
    ask(&mut g, 0, 0, 10);
    g.answer(p, 0, PhoneAnswer::Choice(0), 0).unwrap();
    g.set_phase(Phase::Revealed { question: 0 });
    ask(&mut g, 1, 0, 10);
    // Items on screen: A = "cuối", B = "đầu", C = "giữa": B, C, A is right.
    let a = g
        .answer(p, 1, PhoneAnswer::Order(vec![1, 2, 0]), 0)
        .unwrap();
    assert_eq!(a.points, 1000 + STREAK_STEP);
    g.set_phase(Phase::Revealed { question: 1 });
    assert_eq!(g.phone(p, 0).verdict, Some("right"));
    assert_eq!(g.phone(p, 0).points, 1100);
    ask(&mut g, 2, 0, 10);
    g.set_phase(Phase::Revealed { question: 2 });
    assert_eq!(g.players[p].streak, 0, "no answer breaks the streak");
    assert_eq!(g.phone(p, 0).verdict, Some("none"));
}

#[test]
fn plain_counting_gives_a_point_per_right_answer() {
    let plan = PhonesPlan {
        speed_points: false,
        ..PhonesPlan::default()
    };
    let mut g = game(plan);
    let p = g.join("4821", "An", "", "a".into()).unwrap();
    let q = g.join("4821", "Bình", "", "b".into()).unwrap();
    ask(&mut g, 2, 0, 30);
    g.answer(p, 2, PhoneAnswer::Number("7,5".into()), 29_000)
        .unwrap();
    g.answer(q, 2, PhoneAnswer::Number("8".into()), 1_000)
        .unwrap();
    g.set_phase(Phase::Leaderboard { question: 2 });
    assert_eq!(
        g.leaders(10),
        [("An".to_string(), 1), ("Bình".to_string(), 0)]
    );
    assert_eq!((g.phone(p, 0).rank, g.phone(q, 0).rank), (1, 2));
}

#[test]
fn a_removed_player_is_out_of_the_room_and_its_counts() {
    let mut g = game(PhonesPlan::default());
    let p = g.join("4821", "An", "", "a".into()).unwrap();
    ask(&mut g, 0, 0, 0);
    g.answer(p, 0, PhoneAnswer::Choice(1), 0).unwrap();
    assert!(g.remove(g.players[p].id));
    assert_eq!(g.player("4821", "a"), Err(Refusal::Removed));
    let room = g.room();
    assert_eq!((room.joined, room.answered), (0, 0));
    assert!(g.result().is_empty());
}
