//! The report as markdown, for a pull request or a wiki.

use super::{
    Readings, acknowledge_pair, band_text, breakdowns, dim_header, estimate_note, estimate_value,
    kpi_rows, period_word, readings, resolve_pair, subtitle, t, title,
};
use crate::cli::render::fmt::{amount, capitalise, hours, md_escape, money, percent, percent1};
use crate::i18n::tr;
use crate::policy::compensation::BandPosition;
use crate::report::{Report, position_name};
use std::fmt::Write as _;

pub fn render(r: &Report) -> String {
    let rd = readings(r);
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", title(r));
    let _ = writeln!(s, "_{}._\n", subtitle(r));
    let _ = writeln!(
        s,
        "| {} | {} |\n|---|---|",
        tr("audit-md-indicator"),
        tr("audit-md-value")
    );
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
    actions(&mut s, r);
    estimates(&mut s, r);
    s
}

fn actions(s: &mut String, r: &Report) {
    if r.actions.is_empty() {
        return;
    }
    let (headers, rows) = super::action_table(r);
    let _ = writeln!(
        s,
        "\n## {}\n\n{}\n",
        tr("review-actions"),
        tr("review-actions-reading")
    );
    let _ = writeln!(s, "| {} |", headers.join(" | "));
    let _ = writeln!(s, "|{}", "---|".repeat(headers.len()));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| md_escape(c)).collect();
        let _ = writeln!(s, "| {} |", cells.join(" | "));
    }
}

fn volume(s: &mut String, r: &Report, rd: &Readings) {
    let word = period_word(r);
    let _ = writeln!(
        s,
        "\n## {}\n\n{}\n",
        t(
            "report-volume-per",
            &[("period", r.scope.period.as_str().into())]
        ),
        rd.volume
    );
    let _ = writeln!(
        s,
        "| {} | {} |\n|---|--:|--:|--:|--:|--:|--:|--:|",
        capitalise(&word),
        tr("md-volume-columns")
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
            "\n## {}\n\n| {} | {} |\n|---|--:|--:|--:|--:|--:|--:|",
            t("report-by", &[("dim", super::dim_word(dim))]),
            dim_header(dim),
            tr("md-dimension-columns")
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
        "\n## {}\n\n{}\n\n| {} |\n|---|--:|--:|--:|:-:|",
        tr("report-pareto"),
        rd.pareto,
        tr("md-pareto-columns")
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
        "\n## {}\n\n{}\n\n| {} | {} |\n|---|--:|",
        tr("report-resolve"),
        rd.resolve,
        tr("col-days"),
        tr("col-cases")
    );
    for b in &r.resolve_distribution {
        let _ = writeln!(s, "| {} | {} |", super::days_label(&b.label), b.cases);
    }
}

fn compensation(s: &mut String, r: &Report, rd: &Readings) {
    let c = &r.compensation;
    let cur = &r.scope.currency;
    let _ = writeln!(
        s,
        "\n## {}\n\n{}\n",
        tr("report-compensation"),
        rd.compensation
    );
    let _ = writeln!(
        s,
        "{}",
        t(
            "md-compensation-list",
            &[
                ("total", amount(c.granted_total, cur)),
                ("granted", amount(c.granted_with_harm, cur)),
                ("harm", amount(c.harm_total, cur)),
                ("ratio", percent1(c.ratio)),
                ("band", band_text(c)),
                ("below", c.below_band.to_string()),
                ("within", c.within_band.to_string()),
                ("above", c.above_band.to_string()),
            ]
        )
    );
    let mut off = c
        .cases
        .iter()
        .filter(|x| x.position != BandPosition::Within)
        .peekable();
    if off.peek().is_some() {
        let _ = writeln!(
            s,
            "\n| {} |\n|---|--:|--:|--:|--:|---|",
            tr("md-band-columns")
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
            super::position_word(position_name(x.position))
        );
    }
}

fn ageing(s: &mut String, r: &Report, rd: &Readings) {
    let _ = writeln!(
        s,
        "\n## {}\n\n{}\n\n| {} |\n|---|--:|---|",
        tr("report-ageing"),
        rd.ageing,
        tr("md-ageing-columns")
    );
    for b in &r.ageing {
        let ids: Vec<String> = b.ids.iter().map(|i| format!("`{i}`")).collect();
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            super::days_label(b.bucket),
            b.cases,
            ids.join(" ")
        );
    }
    let _ = writeln!(
        s,
        "\n## {}\n\n{}",
        tr("md-reopened-head"),
        super::tn(
            "md-reopened",
            r.reopen.reopened,
            &[
                ("resolved", r.reopen.resolved.to_string()),
                ("rate", percent1(r.reopen.rate)),
            ]
        )
    );
}

fn findings(s: &mut String, r: &Report) {
    let _ = writeln!(
        s,
        "\n## {}\n\n| {} | {} | {} | {} |\n|---|---|--:|--:|",
        tr("report-findings"),
        tr("col-code"),
        tr("col-severity"),
        tr("col-findings"),
        tr("col-cases")
    );
    for f in &r.findings {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} |",
            f.code,
            crate::cli::render::fmt::word(f.severity.as_str()),
            f.findings,
            f.cases
        );
    }
}

fn estimates(s: &mut String, r: &Report) {
    let _ = writeln!(
        s,
        "\n## {}\n\n> {}\n\n| {} |\n|---|--:|---|",
        tr("report-estimates"),
        estimate_note(&r.estimates.source),
        tr("md-estimate-columns")
    );
    for e in &r.estimates.figures {
        let _ = writeln!(
            s,
            "| {} | ≈ {} | {} |",
            super::estimate_label(e),
            estimate_value(e),
            md_escape(&super::formula(e))
        );
    }
}
