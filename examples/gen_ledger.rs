//! Writes a synthetic ledger for benchmarks: `cargo run --release --example
//! gen_ledger -- DIR N`. Cases are made with redress's own writer, spread
//! over three years, with realistic histories (acknowledged, assigned,
//! updated, compensated, resolved, followed up; some late, one in ten open).
//! Deterministic: the same N gives the same files.

use redress::case::money::Money;
use redress::case::time::Timestamp;
use redress::case::vocab::{Channel, EventKind, Kind, Outcome, Profile, Severity};
use redress::case::{Case, Customer, Event};
use rust_decimal::Decimal;
use std::path::PathBuf;

const CATEGORIES: &[&str] = &["delivery", "defect", "billing", "service", "other"];
const MEMBERS: &[&str] = &["alice", "bob", "carole"];

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "bench-ledger".into()));
    let n: usize = args.next().map_or(Ok(10_000), |s| s.parse())?;
    if !dir.join("policies").is_dir() {
        anyhow::bail!(
            "{} is not a ledger: run `redress init {}` first",
            dir.display(),
            dir.display()
        );
    }
    let mut rng = fastrand::Rng::with_seed(20261122);
    let start = chrono::DateTime::parse_from_rfc3339("2023-11-01T09:00:00-05:00")?;
    let mut seen = std::collections::HashSet::new();
    for i in 0..n {
        let offset = (i as i64 * 3 * 365 * 24 * 60) / n as i64 + rng.i64(0..600);
        let received = start + chrono::Duration::minutes(offset);
        let id = loop {
            let suffix: String = (0..4)
                .map(|_| redress::case::id::ALPHABET[rng.usize(..32)] as char)
                .collect();
            let id = format!("{}-{suffix}", received.format("%Y%m%d"));
            if seen.insert(id.clone()) {
                break id;
            }
        };
        let at = |minutes: i64| Timestamp {
            at: received + chrono::Duration::minutes(minutes),
            date_only: false,
        };
        let who = |r: &mut fastrand::Rng| MEMBERS[r.usize(..MEMBERS.len())].to_string();
        let harm = rng.i64(1500..250_000);
        let mut history = Vec::new();
        let mut t = rng.i64(10..3000);
        history.push(Event::new(EventKind::Acknowledged, at(t), who(&mut rng)));
        t += rng.i64(5..600);
        let mut assigned = Event::new(EventKind::Assigned, at(t), who(&mut rng));
        assigned.to = Some(who(&mut rng));
        history.push(assigned);
        for _ in 0..rng.usize(0..3) {
            t += rng.i64(600..6000);
            let mut u = Event::new(EventKind::Updated, at(t), who(&mut rng));
            u.note = Some("Progress report sent to the customer.".into());
            history.push(u);
        }
        if i % 10 != 0 {
            t += rng.i64(60..9000);
            let mut c = Event::new(EventKind::Compensated, at(t), "carole");
            c.remedy = Some("refund".into());
            c.amount = Some(Money(Decimal::new(harm * rng.i64(60..90) / 100, 2)));
            history.push(c);
            let mut r = Event::new(EventKind::Resolved, at(t + 5), who(&mut rng));
            r.outcome = Some(Outcome::Founded);
            r.summary = Some("Refund granted and replacement shipped.".into());
            history.push(r);
            t += rng.i64(600..12000);
            let mut f = Event::new(EventKind::FollowedUp, at(t), who(&mut rng));
            f.satisfied = Some(rng.u8(0..10) < 8);
            history.push(f);
        }
        let case = Case {
            id: id.clone(),
            kind: if rng.bool() { Kind::Complaint } else { Kind::Claim },
            title: format!("Synthetic case {i}: parcel late and item damaged"),
            received: Timestamp { at: received, date_only: false },
            channel: Channel::ALL[rng.usize(..Channel::ALL.len())],
            customer: Customer {
                name: format!("Customer {i}"),
                email: Some(format!("customer{i}@example.com")),
                phone: None,
                profile: Some(Profile::ALL[rng.usize(..3)]),
                annual_value: Some(Money(Decimal::new(rng.i64(10_000..500_000), 2))),
                language: None,
            },
            category: CATEGORIES[rng.usize(..CATEGORIES.len())].to_string(),
            severity: Severity::ALL[rng.usize(..3)],
            harm: Some(Money(Decimal::new(harm, 2))),
            wants: Vec::new(),
            justice: None,
            risks: vec![],
            tags: vec!["synthetic".into()],
            description: "The parcel arrived late and the item inside was damaged.\nThe customer asks for a refund of the shipping fees.".into(),
            source: None,
            fields: Default::default(),
            history,
        };
        let rel =
            redress::case::id::relative_path(&id).ok_or_else(|| anyhow::anyhow!("bad id {id}"))?;
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap_or(&dir))?;
        std::fs::write(path, redress::case::yaml::case_to_yaml(&case))?;
    }
    Ok(())
}
