"""The comparison's own words, in English and Simplified Chinese, as pairs like ``govsim.labels``.

Measure names in tables come from :data:`govsim.labels.MEASURES`; the verdicts need the
outcomes as nouns in a sentence ("cuts net loss by 41%"), and the report its headings.
"""

from __future__ import annotations

from govsim.labels import AGENCIES, LINKS, label

NOUNS: dict[str, tuple[str, str]] = {
    "victims": ("the number of victims", "受害人数"),
    "net_loss": ("net loss", "净损失"),
    "recovered_share": ("the share of loss recovered", "挽损比例"),
    "collateral": ("collateral burden on legitimate users", "对正常用户的误伤"),
    "governance_cost": ("governance cost", "治理成本"),
}
"""Key outcomes as nouns inside a verdict."""

COMPARISON_MEASURES: dict[str, tuple[str, str]] = {
    "collateral": (
        "Collateral burden (legitimate calls, transfers, items)",
        "误伤合计（正常通话、转账、内容）",
    ),
}
"""Display names of outcomes that only a comparison has (others: ``govsim.labels.MEASURES``)."""

PARTIES: dict[str, tuple[str, str]] = {
    **{f"cost_{party}": name for party, name in AGENCIES.items()},
    "cost_cooperation": ("Cooperation links and centre", "协作与合成中心"),
}
"""The parties whose costs add up to the governance cost, as a chart's legend names them."""

PLAYERS: dict[str, tuple[str, str]] = {
    **AGENCIES,
    "one_intake": ("One intake", "统一受理"),
    "data_desk": ("Pooled data desk", "数据研判专席"),
    "joint_operations": ("Joint operations", "合成作战"),
    "colocation": ("Co-location of seats", "集中办公"),
    "capacity": ("Centre's call capacity", "中心劝阻能力"),
    **LINKS,
    "grand_coalition": ("All together", "全体合计"),
}
"""An attribution's players as a table or chart names them (links as the dashboard does)."""

SECTIONS: dict[str, tuple[str, str]] = {
    "days": ("measured days", "统计天数"),
    "warmup_days": ("warm-up days", "预热天数"),
    "seed": ("master seed", "主随机种子"),
    "population": ("residents", "居民"),
    "fraud": ("fraud rings", "诈骗团伙"),
    "black_market": ("black market", "黑灰产市场"),
    "scam_types": ("scam types", "诈骗类型"),
    "agencies": ("parties", "治理主体"),
    "cooperation": ("cooperation", "协作"),
    "cooperation.centre": ("one-stop centre", "合成中心"),
    "cooperation.latencies": ("cooperation delays", "协作时延"),
    "costs": ("unit costs", "成本单价"),
    "events": ("events", "事件"),
}
"""What a key path's first part (or two) is about, for a reader who does not read the keys."""

WORDS: dict[str, tuple[str, str]] = {
    "cut": (
        "{scenario} cuts {noun} by {amount} (95% CI {low} to {high}) against {reference}",
        "{scenario} 相比 {reference}，{noun}减少 {amount}（95%置信区间 {low} 至 {high}）",
    ),
    "rise": (
        "{scenario} raises {noun} by {amount} (95% CI {low} to {high}) against {reference}",
        "{scenario} 相比 {reference}，{noun}增加 {amount}（95%置信区间 {low} 至 {high}）",
    ),
    "unclear": (
        "{scenario} against {reference}: no clear difference in {noun} "
        "(difference {amount}, 95% CI {low} to {high})",
        "{scenario} 相比 {reference}：{noun}无明显差异"
        "（差值 {amount}，95%置信区间 {low} 至 {high}）",
    ),
    "too_few": (
        "{scenario} against {reference}: {noun} is known in too few paired replications "
        "({count}) to compare",
        "{scenario} 相比 {reference}：{noun}仅在 {count} 次配对运行中有值，无法比较",
    ),
    "same": (
        "{scenario} against {reference}: the same {noun} in every replication",
        "{scenario} 相比 {reference}：{noun}在每次重复运行中都相同",
    ),
    "short_same": ("the same", "相同"),
    "short_cut": ("lower", "减少"),
    "short_rise": ("higher", "增加"),
    "short_unclear": ("no clear difference", "无明显差异"),
    "short_too_few": ("too few values", "数据不足"),
    "verdict": ("Verdict", "结论"),
    "points": (" points", " 个百分点"),
    "per_yuan": (
        "each extra yuan of governance cost in {scenario} prevents {amount} yuan of net loss "
        "(95% CI {low} to {high}) against {reference}",
        "{scenario} 相比 {reference}，每多投入 1 元治理成本可减少净损失 {amount} 元"
        "（95%置信区间 {low} 至 {high}）",
    ),
    "per_yuan_unclear": (
        "each extra yuan of governance cost in {scenario} prevents no clear amount of net loss "
        "({amount} yuan, 95% CI {low} to {high}) against {reference}",
        "{scenario} 相比 {reference}，多投入的治理成本未见明显减少净损失"
        "（每元 {amount} 元，95%置信区间 {low} 至 {high}）",
    ),
    "per_yuan_adds": (
        "each extra yuan of governance cost in {scenario} comes with {amount} yuan more net loss "
        "(95% CI {low} to {high}) against {reference}",
        "{scenario} 相比 {reference}，每多投入 1 元治理成本，净损失反而增加 {amount} 元"
        "（95%置信区间 {low} 至 {high}）",
    ),
    "cheaper": (
        "{scenario} costs clearly less than {reference} (difference {amount} yuan, 95% CI "
        "{low} to {high}): there is no extra yuan to weigh the loss prevented against",
        "{scenario} 的治理成本明显低于 {reference}（差值 {amount} 元，95%置信区间 {low} 至 "
        "{high}），没有多投入的成本，故不计算每元成本减少的损失",
    ),
    "no_extra_cost": (
        "{scenario} does not clearly cost more than {reference} (difference {amount} yuan, "
        "95% CI {low} to {high}): loss prevented per extra yuan is not given",
        "{scenario} 的治理成本与 {reference} 相比并无明显增加（差值 {amount} 元，95%置信区间 "
        "{low} 至 {high}），故不计算每元成本减少的损失",
    ),
    "versus": ("{scenario} vs {reference}", "{scenario} 对比 {reference}"),
    "verdicts_title": ("Verdicts", "结论"),
    "cost_effectiveness": ("Cost-effectiveness", "成本效益"),
    "difference": ("Difference", "差值"),
    "relative": ("Change", "变化幅度"),
    "p_value": ("p", "p 值"),
    "pairing": ("Pairing", "配对效率"),
    "table_caption": (
        "Difference and change: {scenario} minus {reference}, paired by replication, with 95% "
        'intervals. Change "-": for a share, whose change is its difference in percentage '
        "points (a relative change of a share misleads); otherwise {reference}'s mean is zero. "
        "A change without an interval: {reference}'s mean is not clearly away from zero, and a "
        "ratio to it has no bounded interval. Pairing: Var(B - A) / (Var A + Var B), 1 for "
        'independent runs, lower is better paired; "-" where each scenario has one value in '
        "every replication (constant in both: nothing to pair). (city's share): a market-wide "
        "count attributed to the city by its share of the market's residents.",
        "差值与变化幅度：{scenario} 减 {reference}，按重复运行配对，附95%置信区间。"
        "变化幅度为“-”的：比例指标的变化以百分点差值表示（比例的相对变化容易误导）；其他指标则是 "
        "{reference} 的均值为零。变化幅度未附区间的：{reference} 的均值与零无明显差异，"
        "与之相比的比值没有有界的区间。"
        "配对效率：Var(B - A) / (Var A + Var B)，独立运行为 1，越低配对越好；"
        "两个情景各自在每次重复运行中取值不变时为“-”（两者均为常数，无从配对）。（本市份额）：全市场计数按本市"
        "居民占市场居民的比例计入本市。",
    ),
    "reference_note": (
        "Reference: {reference}. Paired over {replications} replication(s) with the same seeds "
        "(master seed {seed}); 95% intervals.",
        "参照情景：{reference}。{replications} 次重复运行按相同随机种子配对（主种子 {seed}）；"
        "区间为95%置信区间。",
    ),
    "finished": (
        "{count} scenarios x {replications} replication(s) in {seconds:.1f} s; "
        "results in {folder}/, report {report}",
        "{count} 个情景各 {replications} 次重复运行，用时 {seconds:.1f} 秒；结果保存在 "
        "{folder}/，报告 {report}",
    ),
    "precision_reached": (
        "Precision reached: every key difference's 95% interval is no wider than {target} "
        "of the reference's mean, after {replications} paired replications.",
        "已达到精度要求：{replications} 次配对重复运行后，各关键差值的95%置信区间宽度均不超过参照"
        "情景均值的 {target}。",
    ),
    "precision_stopped": (
        "Stopped at --max-replications {replications}: the 95% interval of {wide} is still "
        "wider than {target} of the reference's mean.",
        "已达到 --max-replications 上限 {replications} 次：{wide} 的95%置信区间宽度仍大于参照"
        "情景均值的 {target}。",
    ),
    # What cannot be compared, and why (ComparisonError).
    "needs_two": (
        "a comparison needs at least two scenario files: the reference first, then the others "
        "(govsim compare A.yaml B.yaml)",
        "比较至少需要两个情景文件：先写参照情景，再写其他情景（govsim compare A.yaml B.yaml）",
    ),
    "same_name": (
        "two scenarios are named {names}: give each a distinct `name:` in its file",
        "有多个情景都名为 {names}：请在各自文件中给出不同的 `name:`",
    ),
    "not_a_comparison": (
        "{folder}/ holds no comparison (no comparison.json): give the folder govsim compare "
        "wrote, or an attribution's",
        "{folder}/ 中没有比较结果（无 comparison.json）：请给出 govsim compare 或 govsim attribute "
        "写出的文件夹",
    ),
    "report_written": ("Report written: {report}", "报告已写出：{report}"),
    "not_an_attribution": (
        "{folder}/ holds no attribution (no attribution.json): give the folder govsim attribute "
        "wrote",
        "{folder}/ 中没有归因结果（无 attribution.json）：请给出 govsim attribute 写出的文件夹",
    ),
    "attribution_without_scenario": (
        "{file} is missing: this attribution was written before govsim kept its scenario "
        "beside it; run govsim attribute again with --lang for a report in another language",
        "缺少 {file}：此归因结果写于 govsim 保存情景文件之前；如需其他语言的报告，请用 --lang "
        "重新运行 govsim attribute",
    ),
    "record_unreadable": (
        "{file} cannot be read ({error}): run the command that wrote it again",
        "无法读取 {file}（{error}）：请重新运行写出它的命令",
    ),
    "reserved_name": (
        "the scenario name '{name}' is the name of one of the comparison's own files: give the "
        "scenario another `name:`",
        "情景名称“{name}”与比较结果的文件同名：请换一个 `name:`",
    ),
    "bad_precision": (
        "--precision must be above 0 (a share of the reference's mean, 0.1 for 10%), got {target}",
        "--precision 须大于 0（参照情景均值的比例，0.1 即 10%），收到 {target}",
    ),
    "cap_below_batch": (
        "--max-replications ({cap}) is below the first batch (--replications {batch})",
        "--max-replications（{cap}）小于第一批的次数（--replications {batch}）",
    ),
    # govsim attribute: who earns what share of the reduction.
    "attribution_title": (
        "Each player's part in the effect: {scenario} ({kind})",
        "效果归因：{scenario}（{kind}）",
    ),
    "kind_parties": ("parties", "参与方"),
    "kind_links": ("cooperation links", "协作链路"),
    "kind_hub": ("the centre's own mechanisms", "合成中心自身机制"),
    "earns": (
        "{player} earns {amount} of the reduction in {noun} ({share} of the whole; 95% CI "
        "{low} to {high})",
        "{player} 贡献了{noun}减少量中的 {amount}（占总量 {share}；95%置信区间 {low} 至 {high}）",
    ),
    "player_unclear": (
        "{player}: no clear part in the change in {noun} (value {amount}, 95% CI {low} to {high})",
        "{player} 对{noun}变化的作用不明确（分摊值 {amount}，95%置信区间 {low} 至 {high}）",
    ),
    "lowers": (
        "{player} lowers {noun} by {amount} (95% CI {low} to {high})",
        "{player} 使{noun}减少 {amount}（95%置信区间 {low} 至 {high}）",
    ),
    "costs": (
        "{player} adds {amount} to {noun} (95% CI {low} to {high})",
        "{player} 使{noun}增加 {amount}（95%置信区间 {low} 至 {high}）",
    ),
    "whole_effect": (
        "All together reduce {noun} by {amount} (95% CI {low} to {high}) against {empty}",
        "相比{empty}，全体合计使{noun}减少 {amount}（95%置信区间 {low} 至 {high}）",
    ),
    "whole_unclear": (
        "All together make no clear difference to {noun} against {empty} (reduction {amount}, "
        "95% CI {low} to {high})",
        "相比{empty}，全体合计对{noun}无明显影响（减少量 {amount}，95%置信区间 {low} 至 {high}）",
    ),
    "whole_rise": (
        "All together raise {noun} by {amount} (95% CI {low} to {high}) against {empty}",
        "相比{empty}，全体合计使{noun}增加 {amount}（95%置信区间 {low} 至 {high}）",
    ),
    "empty_parties": ("no governance", "无治理"),
    "empty_links": ("every link at 0", "所有链路为 0"),
    "empty_hub": ("the hub with its own mechanisms off", "关闭自身机制的合成中心"),
    "player": ("Player", "参与者"),
    "shapley": ("Shapley value", "Shapley 值"),
    "share_of_whole": ("Share", "占比"),
    "ci": ("95% CI", "95%置信区间"),
    "synergy_title": ("Synergy between pairs", "两两协同效应"),
    "synergy_note": (
        "Shapley interaction index of each pair for the reduction in {noun}: above 0, the pair "
        "earns more together than the two apart; below 0, they partly do the same work.",
        "各对参与者在{noun}减少量上的 Shapley 交互指数：大于 0 表示两者合作的成效大于各自成效之和；"
        "小于 0 表示两者的工作部分重叠。",
    ),
    "strongest_pair": (
        "Strongest synergy for {noun}: {first} with {second}, {amount} (95% CI {low} to {high})",
        "{noun}方面协同最强的一对：{first} 与 {second}，{amount}（95%置信区间 {low} 至 {high}）",
    ),
    "no_pair_synergy": (
        "No pair shows synergy for {noun}: together no two players earn more than apart (the "
        "largest index, {first} with {second}, is {amount}; 95% CI {low} to {high})",
        "{noun}方面没有任何一对呈现协同：没有两个参与者合作比各自行动收获更多"
        "（最大的指数为 {first} 与 {second}，{amount}；95%置信区间 {low} 至 {high}）",
    ),
    "unclear_pair": (
        "No clear synergy for {noun}: the largest, {first} with {second}, is {amount} (95% CI "
        "{low} to {high})",
        "{noun}方面无明显协同：最大的一对为 {first} 与 {second}，"
        "{amount}（95%置信区间 {low} 至 {high}）",
    ),
    "no_synergy": (
        "Interaction indices were not estimated: with more than 8 players they need "
        "--pair-samples K (coalitions drawn per pair).",
        "未估计交互指数：参与者多于 8 个时需指定 --pair-samples K（每对参与者抽取的联盟数）。",
    ),
    "waterfall_title": ("{measure}: each player's part", "{measure}：各参与者的分摊"),
    "attribution_lead": (
        "{coalitions} coalitions of {players} players, {replications} replication(s) each with "
        "the same seeds (master seed {seed}), {residents:,} residents, {days} measured days.",
        "{players} 个参与者的 {coalitions} 个联盟，各运行 {replications} 次（相同随机种子，主种子 "
        "{seed}），{residents:,} 名居民，统计 {days} 天。",
    ),
    "attribution_method": (
        "A coalition's value is the reduction of an outcome against the empty coalition "
        "({empty}), replication by replication; every coalition ran with the same replication "
        "seeds (common random numbers). {how} Intervals are Student t 95% intervals over "
        "replications of each replication's value.",
        "联盟的值为某指标相对空联盟（{empty}）的减少量，逐次重复运行计算；各联盟使用相同的随机种子"
        "（共同随机数）。{how}区间为各次重复运行所得值的 t 分布95%置信区间。",
    ),
    "method_exact": (
        "Shapley values are exact over all 2^n coalitions, and add up to the whole effect in "
        "every replication.",
        "Shapley 值在全部 2^n 个联盟上精确计算，每次重复运行中各值之和都等于总效应。",
    ),
    "method_sampled": (
        "With more than 8 players, Shapley values are estimated over {orders} random orders of "
        "arrival (half of them the reverse of the others); they still add up to the whole "
        "effect, and their intervals add the sampling error to the replications' spread.",
        "参与者多于 8 个时，Shapley 值由 {orders} 个随机加入顺序估计（其中一半为另一半的逆序）；"
        "各值之和仍等于总效应，区间在重复运行的离散之外计入抽样误差。",
    ),
    "method_pairs": (
        "Each pair's interaction index is estimated from {samples} coalitions of the other "
        "players, drawn with the index's own weights; its interval adds that sampling error.",
        "每对参与者的交互指数由按该指数权重抽取的 {samples} 个其他参与者联盟估计，"
        "区间计入该抽样误差。",
    ),
    "attribution_plan": (
        "{players} players: {coalitions} coalitions, {runs} of them run (the others run the same) "
        "x {replications} replication(s) = {total} runs on {workers} worker(s)",
        "{players} 个参与者：{coalitions} 个联盟，其中 {runs} 个需要运行（其余结果相同），"
        "各 {replications} 次重复运行，共 {total} 次运行，使用 {workers} 个进程",
    ),
    "attribution_finished": (
        "{coalitions} coalitions x {replications} replication(s) in {seconds:.1f} s; results in "
        "{folder}/, report {report}",
        "{coalitions} 个联盟各 {replications} 次重复运行，用时 {seconds:.1f} 秒；结果保存在 "
        "{folder}/，报告 {report}",
    ),
    "coalitions_shared": (
        "{shared} of the {coalitions} coalitions were not run again: each has the same run as "
        "another, bit for bit (a party idle without another, such as the judiciary without the "
        "police; column run_as of coalitions.parquet).",
        "{coalitions} 个联盟中有 {shared} 个未重复运行：每个都与另一个联盟的运行逐位相同"
        "（缺少另一方时无所作为的一方，例如没有公安时的司法机关；"
        "见 coalitions.parquet 的 run_as 列）。",
    ),
    "no_links": (
        "the scenario '{scenario}' has no cooperation link above 0: there is nothing to "
        "attribute with --players links",
        "情景“{scenario}”没有大于 0 的协作链路：--players links 无可归因",
    ),
    "no_hub": (
        "the scenario '{scenario}' has no one-stop centre (cooperation.structure is not hub): "
        "use --players parties or links, or a hub scenario",
        "情景“{scenario}”没有合成中心（cooperation.structure 不是 hub）：请改用 --players "
        "parties 或 links，或使用含合成中心的情景",
    ),
    "unknown_players": (
        "--players must be one of {kinds}, got '{kind}'",
        "--players 须为 {kinds} 之一，收到“{kind}”",
    ),
    # The report's headings and notes.
    "report_title": ("Scenario comparison: {names}", "情景比较：{names}"),
    "report_lead": (
        "Reference: {reference}. {replications} paired replication(s) per scenario, "
        "{residents:,} residents, {days} measured days, master seed {seed}.",
        "参照情景：{reference}。每个情景 {replications} 次配对重复运行，{residents:,} 名居民，"
        "统计 {days} 天，主种子 {seed}。",
    ),
    "what_differs": ("What differs between the scenarios", "各情景的参数差异"),
    "what_differs_note": (
        "Every key path whose resolved value differs from the reference's (defaults spelled "
        "out, extends merged). A link marked (effective) gives the level the model uses, where "
        "the structure changes the written one (none: 0; a hub raises its members' links). The "
        "one-stop centre's own keys (cooperation.centre) act only under structure hub.",
        "列出与参照情景取值不同的每个参数路径（已合并 extends，默认值均已写出）。"
        "标有“实际生效”的联动给出模型实际使用的水平：协作结构会改变所写的水平"
        "（none 为 0；hub 提高中心成员之间的联动）。合成中心自身的参数（cooperation.centre）"
        "只在 hub 结构下起作用。参数路径后的括号注明该参数所属的治理主体、协作联动或参数类别。",
    ),
    "no_differences": ("The scenarios' settings are identical.", "各情景参数完全相同。"),
    "key_path": ("Key path", "参数路径"),
    "effective": (" (effective)", "（实际生效）"),
    "centre_in_force": ("one-stop centre's mechanisms in force", "合成中心实际运行的机制"),
    "centre_none": ("none (no hub)", "无（非合成中心结构）"),
    "centre_links_only": ("none: only the raised links", "无：仅提高联动水平"),
    "outcomes_title": ("Outcomes", "结果指标"),
    "outcomes_note": (
        "Mean and 95% interval over replications; the difference against the reference is "
        "paired by replication (pp: percentage points).",
        "各情景为重复运行的均值与95%置信区间；与参照情景的差值按重复运行配对计算（pp：百分点）。",
    ),
    "note_change": (
        'Change "-": for a share, whose change is its difference in percentage points (a '
        "relative change of a share misleads); for any other outcome, the reference's mean is "
        "zero. A change without an interval: the reference's mean is not clearly away from zero, "
        "and a ratio to it has no bounded interval.",
        "变化幅度为“-”的：比例指标的变化以百分点差值表示（比例的相对变化容易误导）；其他指标则是"
        "参照情景的均值为零。变化幅度未附区间的：参照情景的均值与零无明显差异，与之相比的比值没有"
        "有界的区间。",
    ),
    "note_pairing": (
        'Pairing "-": constant in both, each scenario having one value in every replication, '
        "so there is nothing to pair (or fewer than two pairs have a value).",
        "配对效率为“-”的：两个情景各自在每次重复运行中取值不变（两者均为常数），无从配对"
        "（或有值的配对少于两对）。",
    ),
    "note_same": (
        "The same: every replication gives both scenarios the same value (a difference of 0, "
        '95% CI 0 to 0), unlike "no clear difference", where a difference the data cannot '
        "show may remain.",
        "相同：每次重复运行中两个情景的取值都一样（差值为 0，95%置信区间 0 至 0）；与“无明显差异”"
        "不同，后者是指数据不足以显示可能存在的差异。",
    ),
    "note_attributed": (
        "{mark}: arrests and convictions happen to the rings, which work a market of {market:,} "
        "residents; the row is the market's count attributed to the city by its share of those "
        "residents ({residents:,} of {market:,}), not what the city's own police did alone "
        "(docs/ODD.md 7.17).",
        "{mark}：抓获和判决发生在团伙层面，团伙覆盖的市场共 {market:,} 名居民；该行是全市场的计数"
        "按本市居民所占比例（{market:,} 名中的 {residents:,} 名）计入本市的数字，并非本市公安单独"
        "的战果（docs/ODD.md 7.17）。",
    ),
    "note_hours_to_freeze": (
        "{measure}: over the mule paths that were frozen (a payment splits into {fanout} "
        "paths), the median hours from the payment to the freeze; paths that got away are not "
        "counted. The payer's bank, where it monitors, catches a path at its first hop, "
        "{hop:g} hours on average in {reference} (fraud.hop_hours_mean), while a stop-payment "
        "after a report lands only on paths still within reach; where banks' own detection "
        "makes most freezes, the median is about that first hop. It says how soon the freezes "
        "that happen come, not how much money is frozen.",
        "{measure}：在被冻结的资金通道中（每笔付款分为 {fanout} 条通道），从付款到冻结所用小时数的"
        "中位数；已转走的通道不计入。实施监测的付款银行在资金第一跳即可发现通道"
        "（{reference} 中平均每跳 {hop:g} 小时，fraud.hop_hours_mean），而报案后的止付只能冻结"
        "仍可追回的通道；冻结多来自银行自身监测时，中位数约为第一跳的时长。它反映的是已发生的冻结有多快，而不是冻结了多少钱。",
    ),
    "daily_title": ("Daily series", "逐日序列"),
    "daily_note": (
        "Bold lines: 7-day averages (each replication's days averaged over the week ending on "
        "the day, fewer days at the start), their mean over replications with its 95% band; "
        "faint lines: the daily means. A day's net loss can be below zero: money frozen that "
        "day can come from earlier days' payments.",
        "粗线为7日平均（每次重复运行按截至当日的一周取平均，开头几天不足一周），"
        "即其在重复运行间的均值及95%置信带；细线为逐日均值。某日的净损失可能为负："
        "当日冻结返还的资金可能来自此前几天的付款。",
    ),
    "day": ("Day", "天"),
    "daily_mean": ("daily mean", "逐日均值"),
    "weekly_average": ("7-day average", "7日平均"),
    "layers_title": ("Where scams are stopped, layer by layer", "各环节拦截情况"),
    "layers_note": (
        "These counts are not a funnel: they are in different units (contacts, people, "
        "transfers) and not nested. Attempts exceed reached plus blocked (unanswered contacts "
        "are in neither); dissuaded counts victims stopped before paying, held counts "
        "transfers, victims count first payments. Frozen money is in yuan, shown with the "
        "losses below. Log scale; bars show the mean, whiskers the 95% interval.",
        "以下计数并非逐级漏斗：单位不同（联络次数、人数、转账笔数），也不互相包含。联络次数多于"
        "触达与拦截之和（未接听、未读的联络不计入任何一项）；劝阻计的是付款前被劝阻的受害人，"
        "止付计的是转账笔数，受害人数计的是首次付款。冻结金额以元计，见下方损失图。对数坐标；"
        "柱为均值，须线为95%置信区间。",
    ),
    "losses_title": ("Losses", "损失"),
    "places_note": (
        "Scam types and districts in the order the reference scenario lists them "
        "(scam_types, population.regions).",
        "诈骗类型与区域按参照情景中列出的顺序排列（scam_types、population.regions）。",
    ),
    "by_scam_title": ("Net loss by scam type", "按诈骗类型的净损失"),
    "by_region_title": ("Net loss by district", "按区域的净损失"),
    "collateral_title": ("Collateral burden and cost", "误伤与治理成本"),
    "collateral_note": (
        "Legitimate activity disrupted by mistake, and the governance cost by party (yuan).",
        "被误拦、误延、误删的正常业务，以及各方治理成本（元）。",
    ),
    "yuan": ("yuan", "元"),
    "count": ("count", "次数"),
    "between_title": ("Between the other scenarios", "其余情景之间的比较"),
    "between_note": (
        "Each pair of the scenarios after the reference, the earlier one in the command as the "
        "pair's reference; they ran with the same seeds, so these differences are paired too.",
        "参照情景之外的每两个情景之间的比较，以命令中靠前者为该对的参照；"
        "它们使用相同的随机种子运行，因此这些差异同样是配对计算的。",
    ),
    "method_title": ("Method", "方法说明"),
    "method_shared_warmup": (
        "{names} differ only in their events, measured days or names, so they have the same "
        "warm-up: each replication's {days}-day warm-up was run once for them and a copy of it "
        "continued as each, which gives each scenario exactly the run it has alone.",
        "{names} 仅在事件、统计天数或名称上不同，预热期相同：每次重复运行的 {days} 天预热期"
        "只运行一次，再复制为各情景继续运行，各情景的结果与单独运行时完全相同。",
    ),
    "method_text": (
        "Each scenario ran {replications} replication(s); replication i of every scenario used "
        "the same seed, spawned from master seed {seed} (common random numbers), so the "
        "scenarios' luck is shared wherever they coincide. Each difference is the mean of the "
        "paired differences B_i - A_i with a Student t 95% interval, and its p-value is the "
        "paired t-test's. The relative change is the ratio of the means minus one, with a "
        "delta-method 95% interval that uses the pairs' covariance, cut at -100% where the "
        "outcome is never below zero, and none where the reference's mean is not clearly away "
        "from zero (the ratio's interval is then unbounded). Intervals of shares stay "
        "inside [0, 1], and those of differences of shares inside [-1, 1]. A verdict calls a "
        "difference clear when its interval excludes zero, and gives its size in percent "
        "where the relative change's interval excludes zero too (else in the outcome's unit; "
        "a share's always in percentage points). "
        "Cost-effectiveness is the mean net loss prevented over the mean extra governance "
        "cost, with a delta-method interval, given only where the extra cost is clearly "
        "positive. The collateral burden adds up legitimate calls blocked, transfers delayed "
        "and items removed.",
        "每个情景运行 {replications} 次；各情景的第 i 次运行使用同一随机种子（由主种子 {seed} "
        "派生，即共同随机数），凡情景相同之处随机性相同。差值为配对差 B_i - A_i 的均值，附 t "
        "分布95%置信区间，p 值来自配对 t 检验。变化幅度为两均值之比减一，其95%置信区间用 delta "
        "方法并计入配对协方差，指标不为负时下限不低于 -100%；参照情景均值与零无明显差异时，"
        "比值的区间无界，不予给出。"
        "比例的区间限定在 [0, 1] 内，比例之差的区间限定在 [-1, 1] 内。"
        "差值的区间不含零时，结论判为有明显差异；变化幅度的区间也不含零时以百分比表述其大小，"
        "否则以指标本身的单位表述（比例指标一律以百分点表述）。成本效益为减少的平均净损失除以增加"
        "的平均治理成本，区间用 delta 方法，仅在成本增加明显（区间大于零）时给出。误伤合计为被"
        "误拦的正常通话、误延的正常转账与误删的正常内容之和。",
    ),
    "pairing_title": ("Pairing efficiency", "配对效率"),
    "pairing_text": (
        "Var(B - A) / (Var A + Var B) over replications: 1 for independent runs, 0 for "
        "perfectly paired ones; lower means narrower paired intervals than independent runs "
        "would give. In brackets, its 95% bootstrap interval (replications resampled as "
        "pairs): from a few dozen replications the ratio is itself uncertain.",
        "各重复运行的 Var(B - A) / (Var A + Var B)：独立运行为 1，完全配对为 0；"
        "越低，配对区间比独立运行越窄。方括号内为其95%自助法区间（按配对重抽样重复运行）："
        "仅有几十次重复时，该比值本身也不确定。",
    ),
    "seeds": ("Replication seeds", "各次运行的种子"),
    # Read with care: the caveats that apply to this run (govsim.comparison.caveats).
    "caveats_title": ("Read with care", "阅读须知"),
    "caveat_size": (
        "{residents:,} residents: fewer than the {quote:,} the README asks for figures to quote "
        "(a smaller city's results are noisier).",
        "{residents:,} 名居民：少于 README 要求的可引用结果所需的 {quote:,} 名（城市越小，结果越"
        "不稳定）。",
    ),
    "caveat_replications": (
        "{replications} replications per scenario, fewer than the {default} govsim compare runs "
        'by default: the intervals are wide, and "no clear difference" may only mean too few '
        "runs.",
        "每个情景仅 {replications} 次重复运行，少于 govsim compare 默认的 {default} 次：区间较宽，"
        "“无明显差异”可能只是运行次数不够。",
    ),
    "caveat_assumptions": (
        "Of the model's {sourced} parameters with a stated source, {alone} rest on assumption "
        "alone and {in_part} more in part (docs/parameters.md): the results show what follows "
        "from these assumptions, not measured facts.",
        "模型中注明来源的 {sourced} 个参数里，{alone} 个完全基于假设，另有 {in_part} 个部分基于"
        "假设（见 docs/parameters.md）：结果反映的是这些假设下的推演，而非实测事实。",
    ),
    "caveat_overrides": (
        "{scenario} ran with values the command line set in place of its file's (its "
        "description is the file's): {values}.",
        "{scenario} 运行时用命令行参数替换了文件中的取值（其情景描述仍是文件中的）：{values}。",
    ),
    "caveat_overrides_all": (
        "Every scenario ran with values the command line set in place of its file's (the "
        "descriptions are the files'): {values}.",
        "各情景运行时均用命令行参数替换了文件中的取值（情景描述仍是文件中的）：{values}。",
    ),
    "override_value": (
        "{path} {run} (file: {written}; {option})",
        "{path} 为 {run}（文件中为 {written}；{option}）",
    ),
    "caveat_market_policy": (
        "The scenarios differ in governance, and the model takes each scenario's governance as "
        "that of the whole market its rings work ({market:,} residents; docs/ODD.md 7.17): the "
        "rings' victims elsewhere pay, are frozen and report as the city's do. A change of "
        "policy therefore acts on the rings everywhere, their takings, entry and contact "
        "attempts included: read a difference as the policy applied across the market, not in "
        "this city alone.",
        "各情景的治理方式不同，而模型把每个情景的治理视为其团伙所覆盖的整个市场（{market:,} 名"
        "居民；docs/ODD.md 7.17）的治理：其他地方的受害人付款、被冻结和报案的情况与本市相同。"
        "因此政策变化作用于各地的团伙，包括其收益、新团伙进入和诈骗联络次数：差异应理解为该政策"
        "在整个市场实行的效果，而不是仅在本市实行的效果。",
    ),
    "description_overridden": (
        "(the file's description; this run: {values})",
        "（此为文件中的描述；本次运行：{values}）",
    ),
}
"""Sentences and headings of the comparison, filled with ``str.format``."""


def word(key: str, language: str = "en", **values: object) -> str:
    """One of the comparison's sentences or headings in ``language``, filled with ``values``."""
    return label(key, language, WORDS).format(**values)


def outcome_label(outcome: str, language: str = "en") -> str:
    """An outcome's display name in a table, from govsim's labels or the comparison's own."""
    if outcome in COMPARISON_MEASURES:
        return label(outcome, language, COMPARISON_MEASURES)
    return label(outcome, language)


def player_label(player: str, language: str = "en") -> str:
    """An attribution's player by name (a link's key, ``police-bank``, as "Police - banks")."""
    return label(player, language, PLAYERS)


def noun(outcome: str, language: str = "en") -> str:
    """A key outcome as a noun inside a sentence."""
    return label(outcome, language, NOUNS)


def key_path_gloss(key: str, language: str = "en") -> str:
    """What a scenario key path is about in ``language``: its party, link or section.

    Key paths are what an author writes, so "what differs" shows them as they are; in Chinese
    the reader gets the party (``agencies.police.…``: 公安), the link
    (``cooperation.links.police-bank``: 公安 - 银行) or the section beside it. Empty when
    nothing is known of the path.
    """
    parts = key.split(" ", 1)[0].split(".")
    if parts[0] == "agencies" and len(parts) > 1 and parts[1] in AGENCIES:
        return label(parts[1], language, AGENCIES)
    if parts[:2] == ["cooperation", "links"] and len(parts) > 2 and parts[2] in LINKS:
        return label(parts[2], language, LINKS)
    for section in (".".join(parts[:2]), parts[0]):
        if section in SECTIONS:
            return label(section, language, SECTIONS)
    return ""
