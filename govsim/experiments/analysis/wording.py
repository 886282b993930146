"""The analysis's own words, in English and Simplified Chinese, as pairs like ``govsim.labels``.

Outcome names come from :data:`govsim.labels.MEASURES`; parameters keep their key paths,
which are what the experiment file says in either language.
"""

from __future__ import annotations

from govsim.labels import label

WORDS: dict[str, tuple[str, str]] = {
    # Refusals: what is wrong, where, and the fix.
    "not_a_folder": (
        "{folder} is not a folder: give govsim analyze the results folder of a sweep",
        "{folder} 不是文件夹：请给 govsim analyze 一个参数扫描的结果文件夹",
    ),
    "not_a_sweep": (
        "{folder}/ holds no sweep (no {manifest}): give the folder govsim sweep wrote, "
        "e.g. results/<experiment name>",
        "{folder}/ 中没有参数扫描结果（缺少 {manifest}）：请给出 govsim sweep 写入的文件夹，"
        "例如 results/<实验名>",
    ),
    "damaged": (
        "{file}: cannot be read ({reason}): run the sweep again into a new folder with --out",
        "{file}：无法读取（{reason}）：请用 --out 把扫描重新运行到新文件夹",
    ),
    "no_runs": (
        "{folder}/ holds no finished run yet: run govsim sweep on the experiment first",
        "{folder}/ 中还没有完成的运行：请先对该实验运行 govsim sweep",
    ),
    "points_missing": (
        "{folder}/: {count} point(s) have no run yet (points {points}), so the indices of "
        "{outcome} cannot be computed: run the same govsim sweep command again to finish it",
        "{folder}/：有 {count} 个参数点还没有运行（参数点 {points}），无法计算 {outcome} 的"
        "敏感性指数：请再次运行同一条 govsim sweep 命令以完成扫描",
    ),
    "points_failed": (
        "{folder}/: every replication of {count} point(s) failed (points {points}), so the "
        "indices of {outcome} cannot be computed (SALib needs a value at every point of the "
        "design): read the tracebacks in the error column of govsim.read_results, fix the cause, "
        "and run the same govsim sweep command again: it runs the failed runs again",
        "{folder}/：有 {count} 个参数点的全部重复运行都失败了（参数点 {points}），无法计算 "
        "{outcome} 的敏感性指数（SALib 需要设计中每个参数点的值）：请用 govsim.read_results "
        "查看 error 列中的错误信息，排除原因后再次运行同一条 govsim sweep 命令："
        "失败的运行会重新运行",
    ),
    "outcome_undefined": (
        "--outcomes: {outcome} has no value in any run of {count} point(s) (points {points}), "
        "so its indices cannot be computed: leave it out with --outcomes",
        "--outcomes：{outcome} 在 {count} 个参数点（参数点 {points}）的所有运行中都没有取值，"
        "无法计算其敏感性指数：请用 --outcomes 排除它",
    ),
    "all_failed": (
        "{folder}/: all {count} runs recorded failed: read the tracebacks in the error column "
        "of govsim.read_results, fix the cause, and run the same govsim sweep command again: it "
        "runs the failed runs again",
        "{folder}/：已记录的 {count} 次运行全部失败：请用 govsim.read_results 查看 error 列中的"
        "错误信息，排除原因后再次运行同一条 govsim sweep 命令：失败的运行会重新运行",
    ),
    "sample_changed": (
        "{folder}/{file}: the points recorded are not the ones SALib draws now for this design "
        "and seed (another SALib version?): analyse with the SALib version the sweep ran with",
        "{folder}/{file}：记录的参数点与 SALib 现在按该设计和种子抽取的不一致（SALib 版本不同？）："
        "请用扫描时的 SALib 版本进行分析",
    ),
    "no_indices": (
        "{file}: design: {design} has no sensitivity indices (only sobol and morris do): "
        "drop --indices, or sweep an experiment with design: sobol or design: morris",
        "{file}：design: {design} 没有敏感性指数（只有 sobol 和 morris 设计才有）："
        "请去掉 --indices，或用 design: sobol 或 design: morris 的实验重新扫描",
    ),
    "unknown_outcome": (
        "--outcomes: {names} is not an outcome column of this sweep{hint}; choose among: {columns}",
        "--outcomes：{names} 不是该扫描的结果列{hint}；可选：{columns}",
    ),
    "unknown_column": (
        "--discover: {names} is not an outcome column of this sweep{hint}; the expression "
        "may use: {columns}",
        "--discover：{names} 不是该扫描的结果列{hint}；表达式可以使用：{columns}",
    ),
    "bad_expression": (
        "--discover: cannot read {expression!r} ({reason}): write a condition over outcome "
        'columns, e.g. "net_loss > 2e6 and victims > 100"',
        "--discover：无法解析 {expression!r}（{reason}）：请写一个关于结果列的条件，"
        '例如 "net_loss > 2e6 and victims > 100"',
    ),
    "not_a_condition": (
        "--discover: {expression!r} is not true or false for a run: compare it, "
        'e.g. "{expression} > 0"',
        '--discover：{expression!r} 不是判断条件：请加上比较，例如 "{expression} > 0"',
    ),
    "out_holds_files": (
        "--out: {folder}/ already holds files: choose another folder with --out, or add "
        "--force to replace the analysis there (other files are left alone)",
        "--out：{folder}/ 中已有文件：请用 --out 另选文件夹，或加上 --force 覆盖其中的分析结果"
        "（其他文件保持不变）",
    ),
    "cannot_write": (
        "--out: cannot write the analysis into {folder}/ ({reason}): choose another folder "
        "with --out",
        "--out：无法把分析结果写入 {folder}/（{reason}）：请用 --out 另选文件夹",
    ),
    # Console and report.
    "title": ("Sweep analysis: {name}", "参数扫描分析：{name}"),
    "lead": (
        "{design} design, {points} points x {replications} replications: {ok} runs finished, "
        "{failed} failed{missing}.",
        "{design} 设计，{points} 个参数点 x 每点 {replications} 次重复：完成 {ok} 次运行，"
        "失败 {failed} 次{missing}。",
    ),
    "missing": (", {count} not run yet", "，尚有 {count} 次未运行"),
    "failed_note": (
        "Failed runs are left out: means, bands and boxes are over the finished runs, and each "
        "point's mean is over its finished replications.",
        "失败的运行不计入：均值、区间与情景框只基于完成的运行，每个参数点的均值只基于其完成的重复运行。",
    ),
    "indices_title": ("Sensitivity indices", "敏感性指数"),
    "sobol_note": (
        "Sobol indices over the point means (replications averaged): S1 is the share of the "
        "outcome's variance due to the parameter alone, ST including its interactions; whiskers "
        "are 95% bootstrap intervals.",
        "基于各参数点均值（重复运行取平均）的 Sobol 指数：S1 为该参数单独解释的结果方差比例，"
        "ST 包括其交互作用；误差线为95%自助法置信区间。",
    ),
    "morris_note": (
        "Morris elementary effects over the point means (replications averaged): mu* is the "
        "mean absolute effect (whiskers: 95% bootstrap interval), sigma their spread "
        "(non-linearity or interactions).",
        "基于各参数点均值（重复运行取平均）的 Morris 基本效应：mu* 为效应绝对值的均值"
        "（误差线：95%自助法置信区间），sigma 为其离散程度（非线性或交互作用）。",
    ),
    "constant_note": (
        "{outcome} does not vary over the points: it has no indices.",
        "{outcome} 在各参数点间没有变化：无敏感性指数。",
    ),
    "effects_title": ("Main effects", "主效应"),
    "effects_note": (
        "Mean of each outcome per level of one parameter (a range is cut into {bins} bins), "
        "over every finished run, the other parameters as the design drew them; the band is "
        "the 95% interval.",
        "每个结果按单一参数的各水平（连续区间分为 {bins} 段）取均值，基于全部完成的运行，"
        "其他参数按设计抽取；阴影为95%置信区间。",
    ),
    "spans_title": (
        "Main-effect span (largest minus smallest level mean)",
        "主效应幅度（各水平均值的最大值减最小值）",
    ),
    "spans_ranked": (", ranked by {outcome}", "，按{outcome}排序"),
    "surface_title": ("Response surfaces", "响应曲面"),
    "surface_note": (
        "Mean over replications at each point of the two-parameter grid.",
        "两参数网格中每个参数点的重复运行均值。",
    ),
    "distributions_title": ("Distributions per point", "各参数点的分布"),
    "distributions_note": (
        "Every finished run of each point (box: quartiles; whiskers: 1.5 interquartile ranges).",
        "每个参数点全部完成的运行（箱体：四分位数；须线：1.5 倍四分位距）。",
    ),
    "histogram_note": (
        "{points} points are too many to show one by one: the distribution of the point means.",
        "参数点有 {points} 个，无法逐一显示：此处为各参数点均值的分布。",
    ),
    "discovery_title": ("Scenario discovery: {expression}", "情景发现：{expression}"),
    "discovery_note": (
        "The condition held in {cases} of {runs} finished runs ({share:.0%}), evaluated run by "
        "run. PRIM boxes: coverage is the share of those runs inside the box, density the share "
        "of the box's runs where it held. The box chosen on each peeling trajectory is the "
        "densest one covering at least {coverage:.0%} of the cases not in an earlier box.",
        "该条件在 {runs} 次完成的运行中有 {cases} 次成立（{share:.0%}），逐次运行判断。"
        "PRIM 情景框：覆盖率为条件成立的运行中落在框内的比例，密度为框内运行中条件成立的比例。"
        "每条剥离轨迹上选取对尚未落入前面情景框的情形覆盖率不低于 {coverage:.0%} 的密度最高的框。",
    ),
    "no_box": (
        "No box: the condition held in none or all of the runs, or no box beat its share.",
        "未找到情景框：条件在全部或没有运行中成立，或没有框的密度高于其总体比例。",
    ),
    "box": ("Box {number}", "情景框 {number}"),
    "trajectory_title": ("Peeling trajectories", "剥离轨迹"),
    "parameter": ("Parameter", "参数"),
    "outcome": ("Outcome", "结果"),
    "level": ("Level", "水平"),
    "mean": ("Mean", "均值"),
    "span": ("Span", "幅度"),
    "limits": ("Limits", "范围"),
    "coverage": ("Coverage", "覆盖率"),
    "density": ("Density", "密度"),
    "mass": ("Mass", "质量"),
    "restricted": ("Restricted parameters", "受限参数数"),
    "point": ("Point", "参数点"),
    "count": ("Points", "参数点数"),
    "interval": ("95% CI", "95%置信区间"),
    "wrote": (
        "Analysis of {runs} runs in {folder}/: {table} and {report}",
        "已分析 {runs} 次运行，结果保存在 {folder}/：{table} 与 {report}",
    ),
    "notes_title": ("Notes", "说明"),
}
"""Refusals, headings, notes and table headers of ``govsim analyze``."""


def word(key: str, language: str = "en", **values: object) -> str:
    """One of the analysis's phrases in ``language``, filled with ``values``."""
    return label(key, language, WORDS).format(**values)
