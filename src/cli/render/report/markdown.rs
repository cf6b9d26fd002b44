//! The report as markdown, for a pull request or a wiki.

use super::{
    ESTIMATE_NOTE, Readings, acknowledge_pair, band_text, breakdowns, dim_header, estimate_value,
    kpi_rows, readings, resolve_pair, subtitle, title,
};
use crate::cli::render::fmt::{amount, capitalise, hours, md_escape, money, percent, percent1};
use crate::policy::compensation::BandPosition;
use crate::report::{Report, position_name};
use std::fmt::Write as _;

pub fn render(r: &Report) -> String {
    let rd = readings(r);
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", title(r));
    let _ = writeln!(s, "_{}._\n", subtitle(r));
    let _ = writeln!(s, "| Indicator | Value |\n|---|---|");
    for (label, value) in kpi_rows(r) {
        let _ = writeln!(s, "| {label} | {} |", md_escape(&value));
    }
    volume(&mut s, r, &rd);
    by_dimension(&mut s, r);
    pareto(&mut s, r, &rd);
    resolve(&mut s, r, &rd);
    compensation(&mut s, r, &rd);
    ageing(&mut s, r, &rd);
    findings(&mut s, r);
    estimates(&mut s, r);
    s
}

fn volume(s: &mut String, r: &Report, rd: &Readings) {
    let word = r.scope.period.as_str();
    let _ = writeln!(s, "\n## Volume per {word}\n\n{}\n", rd.volume);
    let _ = writeln!(
        s,
        "| {} | Cases | Complaints | Claims | Open | Resolved on time | Ack. median / p90 | Resolve median / p90 |\n|---|--:|--:|--:|--:|--:|--:|--:|",
        capitalise(word)
    );
    for p in &r.periods {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            p.period,
            p.cases,
            p.complaints,
            p.claims,
            p.open,
            percent(p.resolved_on_time_rate),
            acknowledge_pair(p),
            resolve_pair(p)
        );
    }
    let _ = writeln!(s, "\n{}", rd.timing);
}

fn by_dimension(s: &mut String, r: &Report) {
    for (dim, rows) in breakdowns(r) {
        let _ = writeln!(
            s,
            "\n## By {dim}\n\n| {} | Cases | Share | Open | Resolved on time | Median to resolve | Satisfied |\n|---|--:|--:|--:|--:|--:|--:|",
            dim_header(dim)
        );
        for b in rows {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} | {} |",
                md_escape(&b.key),
                b.cases,
                percent(Some(b.share)),
                b.open,
                percent(b.resolved_on_time_rate),
                hours(b.median_hours_to_resolve),
                percent(b.satisfaction_rate)
            );
        }
    }
}

fn pareto(s: &mut String, r: &Report, rd: &Readings) {
    let _ = writeln!(
        s,
        "\n## Pareto of categories\n\n{}\n\n| Category | Cases | Share | Cumulative | Vital few |\n|---|--:|--:|--:|:-:|",
        rd.pareto
    );
    for p in &r.pareto {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            md_escape(&p.category),
            p.cases,
            percent(Some(p.share)),
            percent(Some(p.cumulative_share)),
            if p.vital_few { "●" } else { "" }
        );
    }
}

fn resolve(s: &mut String, r: &Report, rd: &Readings) {
    let _ = writeln!(
        s,
        "\n## Time to resolve\n\n{}\n\n| Days | Cases |\n|---|--:|",
        rd.resolve
    );
    for b in &r.resolve_distribution {
        let _ = writeln!(s, "| {} | {} |", b.label, b.cases);
    }
}

fn compensation(s: &mut String, r: &Report, rd: &Readings) {
    let c = &r.compensation;
    let cur = &r.scope.currency;
    let _ = writeln!(s, "\n## Compensation\n\n{}\n", rd.compensation);
    let _ = writeln!(
        s,
        "- Granted in all: {}\n- On resolved cases with a harm: {} for a harm of {} ({})\n- Against the band (default {} of the harm; rules may set others): {} below, {} within, {} above",
        amount(c.granted_total, cur),
        amount(c.granted_with_harm, cur),
        amount(c.harm_total, cur),
        percent1(c.ratio),
        band_text(c),
        c.below_band,
        c.within_band,
        c.above_band
    );
    let mut off = c
        .cases
        .iter()
        .filter(|x| x.position != BandPosition::Within)
        .peekable();
    if off.peek().is_some() {
        let _ = writeln!(
            s,
            "\n| Case | Harm | Granted | Share | Band | Position |\n|---|--:|--:|--:|--:|---|"
        );
    }
    for x in off {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} | {}–{} | {} |",
            x.case,
            money(x.harm),
            money(x.granted),
            percent(Some(x.share)),
            money(x.band_min),
            money(x.band_max),
            position_name(x.position)
        );
    }
}

fn ageing(s: &mut String, r: &Report, rd: &Readings) {
    let _ = writeln!(
        s,
        "\n## Backlog ageing\n\n{}\n\n| Age | Open cases | Cases |\n|---|--:|---|",
        rd.ageing
    );
    for b in &r.ageing {
        let ids: Vec<String> = b.ids.iter().map(|i| format!("`{i}`")).collect();
        let _ = writeln!(s, "| {} | {} | {} |", b.bucket, b.cases, ids.join(" "));
    }
    let _ = writeln!(
        s,
        "\n## Reopened cases (double deviation)\n\n{} of {} resolved cases {} reopened ({}).",
        r.reopen.reopened,
        r.reopen.resolved,
        if r.reopen.reopened == 1 {
            "was"
        } else {
            "were"
        },
        percent1(r.reopen.rate)
    );
}

fn findings(s: &mut String, r: &Report) {
    let _ = writeln!(
        s,
        "\n## Audit findings\n\n| Code | Severity | Findings | Cases |\n|---|---|--:|--:|"
    );
    for f in &r.findings {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} |",
            f.code,
            f.severity.as_str(),
            f.findings,
            f.cases
        );
    }
}

fn estimates(s: &mut String, r: &Report) {
    let _ = writeln!(
        s,
        "\n## Cost estimates\n\n> {ESTIMATE_NOTE} Parameters: {}.\n\n| Estimate | Value | Formula |\n|---|--:|---|",
        r.estimates.source
    );
    for e in &r.estimates.figures {
        let _ = writeln!(
            s,
            "| {} | ≈ {} | {} |",
            e.label,
            estimate_value(e),
            md_escape(&e.formula)
        );
    }
}
