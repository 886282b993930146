"""The help pages in Simplified Chinese: each command's help and each parameter's, by name.

The English stays where it is written, in the docstrings and ``help=`` texts of
:mod:`govsim.cli`; here is only their Chinese, keyed by command and parameter name, so that
:mod:`govsim.cli_help` can show a help page in Chinese (``--lang zh`` or ``GOVSIM_LANG=zh``).
``tests/test_cli_help_zh.py`` fails for a command, argument or option that has no Chinese here,
so an option added later cannot go untranslated unnoticed.

Each paragraph is one line (adjacent literals): the help is read as Markdown, which joins the
lines of a paragraph with a space, a space that Chinese does not put between its characters.
Option names, metavars, file names and code (``--days``, ``DIR``, ``report.html``) stay as
written; the terms are those of the reports and messages (情景, 重复次数, 居民, 统计天数).
"""

from __future__ import annotations

from govsim.labels import LANGUAGES

GROUP = "govsim"
"""The key of the ``govsim`` group itself (its help and its own options)."""

COMMANDS: dict[str, str] = {
    GROUP: "基于多主体的电信网络诈骗治理仿真。",
    "validate": (
        "检查情景文件和实验文件；逐条报告每处问题所在的文件、行号和修改方法。\n\n"
        "实验文件（含 `scenario:`、`levers:`、`design:` 等键的文件）按 `govsim sweep` "
        "在首次运行前的方式检查：其情景、每个参数点及其警告。"
        "任一文件有问题时退出状态为 2，全部有效时为 0。"
    ),
    "show": (
        "输出完全展开的情景：合并 extends 继承的文件，写明每一个默认值。\n\n"
        "每条协作链路的实际生效水平（structure 为 none 时或在合成中心中）以注释写在该链路旁。"
        "加上 --diff 或 --against 时，改为列出每个取值不同的键路径及两边的值。"
    ),
    "schema": "输出情景文件的 JSON Schema，供编辑器补全和检查使用。",
    "run": "按重复次数运行一个情景，写出整洁格式（tidy）的结果并输出汇总表。",
    "compare": (
        "比较多个情景，逐次配对各次重复运行；写出各次运行结果和 report.html。\n\n"
        "每个情景使用同一组重复运行随机种子（共同随机数）。"
        "输出每项指标及其与参照情景的配对差值，并用文字给出结论。"
    ),
    "attribute": (
        "用 Shapley 值把一个情景的效果分摊给各治理主体、各协作链路或合成中心的各项机制。\n\n"
        "用同一组重复运行随机种子运行参与者的每个联盟（参与者不超过 8 个时运行全部联盟；"
        "多于 8 个时抽样加入顺序），运行结果必然相同的联盟只运行一次，"
        "并写出 attribution.parquet、interactions.parquet 和 report.html。"
    ),
    "report": (
        "用另一种语言重新写出比较或归因的报告。\n\n"
        "不重新运行模型：报告取自该命令留在 DIR 中的运行结果和表格，"
        "因此与第一份报告所说的一致（数字和结论相同）。结论也会输出。"
        "DIR 中原有的 report.html 保持不变。"
    ),
    "sweep": (
        "参数扫描：实验的每个（参数点，重复运行）各运行一次，可续跑，结果写入 Parquet。\n\n"
        "程序崩溃或按 Ctrl-C 中断后，再次运行同一命令即可续跑：已完成的运行会跳过，"
        "提高实验的重复次数后也是如此。失败的运行连同其错误回溯（traceback）一并记录，"
        "扫描继续进行；续跑时以同一随机种子重新运行它（加上 --keep-failed 则保留失败记录）。"
        "用 govsim.read_results(DIR) 读取结果。结果文件夹中留有失败的运行时，退出状态为 1。"
    ),
    "analyze": (
        "分析参数扫描：主效应、Sobol 或 Morris 敏感性指数、情景发现，并生成报告。\n\n"
        "读取扫描的结果（不重新运行），输出各表，并写出整洁格式（tidy）的 analysis.parquet "
        "和可离线打开的 analysis.html。输出文件夹中已有文件时拒绝写入，除非加上 --force。"
    ),
    "dashboard": (
        "启动培训用仪表盘：在浏览器中实时运行情景，界面为英文或中文。\n\n"
        "页面以 --lang 指定的语言打开，页面上的开关可切换语言。"
        "需要安装 govsim 的 dashboard 可选依赖（Solara 和 Plotly）。"
    ),
}
"""Each command's help (its docstring), by command name; the first paragraph is its short help
in the command list."""

# Options that run, compare and attribute share (spelled once in govsim.cli as well).
LANGUAGE = f"输出内容的语言：{' 或 '.join(LANGUAGES)}。"
SEED = "主随机种子（默认：情景文件中的；比较时为参照情景的）。"
SETTINGS = (
    "按键路径设置一个值，例如 --set agencies.police.capability=0.8"
    "（可重复使用；与情景文件一样经过校验；比较时作用于每个情景）。"
)
DAYS = "统计天数（覆盖情景文件中的 days）。"
RESIDENTS = "居民人数（覆盖情景文件中的 population.size）。"
WORKERS = "并行进程数。"
FORCE = "覆盖结果文件夹中已有的结果。"
SCENARIO = "情景 YAML 文件。"

PARAMETERS: dict[str, dict[str, str]] = {
    GROUP: {
        "version": "显示版本号并退出。",
        "lang": "帮助页面及其后命令的语言（该命令自带 --lang 时以其为准）："
        f"{' 或 '.join(LANGUAGES)}。默认：GOVSIM_LANG，否则英文。",
    },
    "validate": {
        "files": "要检查的情景文件或实验文件；给出文件夹即检查其中全部 `*.yaml` 文件。",
        "lang": LANGUAGE,
    },
    "show": {
        "scenario_file": SCENARIO,
        "diff": "列出它相对于所继承（extends）文件的改动。",
        "against": "列出它相对于这个情景的改动。",
        "lang": LANGUAGE,
    },
    "schema": {"output": "写入此文件，而不是标准输出。", "lang": LANGUAGE},
    "run": {
        "scenario_file": SCENARIO,
        "replications": "重复次数。",
        "seed": SEED,
        "settings": SETTINGS,
        "days": DAYS,
        "residents": RESIDENTS,
        "workers": WORKERS,
        "out": "结果文件夹（默认：`results/<情景名>`）。",
        "lang": LANGUAGE,
        "force": FORCE,
    },
    "compare": {
        "scenario_files": "情景文件；第一个为参照情景，其余情景都与它比较。",
        "replications": "每个情景的配对重复次数。",
        "seed": SEED,
        "settings": SETTINGS,
        "days": DAYS,
        "residents": RESIDENTS,
        "workers": WORKERS,
        "precision": (
            "按 --replications 成批追加重复运行，直到每个关键差值的95%置信区间宽度"
            "不超过参照情景均值的 P 倍（0.1 即 10%），或达到 --max-replications。"
        ),
        "max_replications": "与 --precision 同用：重复次数上限。",
        "out": "结果文件夹（默认：results/compare_A_vs_B...，A 为参照情景的名称）。",
        "lang": LANGUAGE,
        "force": FORCE,
    },
    "attribute": {
        "scenario_file": SCENARIO,
        "players": (
            "由谁分摊效果：各治理主体（parties）、每条协作链路（links）"
            "或合成中心自身的各项机制（hub）。"
        ),
        "replications": "每个联盟的重复次数。",
        "seed": SEED,
        "settings": SETTINGS,
        "days": DAYS,
        "residents": RESIDENTS,
        "workers": WORKERS,
        "orders": "参与者多于 8 个时：抽取的随机加入顺序数（每种顺序也按逆序运行）。",
        "pair_samples": (
            "参与者多于 8 个时：为估计每对参与者的交互指数而抽取的联盟数"
            "（每个最多增加 4 个要运行的联盟；0 表示不估计交互指数）。"
        ),
        "out": "结果文件夹（默认：`results/attribute_<情景名>_<players>`）。",
        "lang": LANGUAGE,
        "force": FORCE,
    },
    "report": {
        "folder": "govsim compare 或 govsim attribute 的结果文件夹（即其 --out）。",
        "output": "报告写到哪里（默认：`DIR/report_<lang>.html`）。",
        "lang": LANGUAGE,
    },
    "sweep": {
        "experiment_file": "实验 YAML 文件。",
        "backend": "在哪里执行运行：local（本机）或 dask。",
        "workers": (
            "并行进程数。连接运行中的 Dask 调度器时：按至少 N 个工作进程"
            "（以及之后加入的每个工作进程）排队分派运行。"
        ),
        "out": "结果文件夹（默认：`results/<实验名>`）。",
        "retry_failed": "重新运行此前扫描记录为失败的运行，或保留其失败记录。",
        "fail_fast": "遇到第一个失败的运行即停止。",
        "restart": "实验已改动时，丢弃结果文件夹中原有的结果。",
        "scheduler": "要连接的 Dask 调度器地址（需 --backend dask）。",
        "scheduler_file": "用于连接的 Dask 调度器文件（需 --backend dask）。",
        "lang": LANGUAGE,
    },
    "analyze": {
        "folder": "参数扫描的结果文件夹（govsim sweep --out）。",
        "outcomes": "要分析的结果列（可重复使用；默认：实验中指定的结果指标）。",
        "discover": '用 PRIM 查找结果列上某一条件大多成立的参数区域，例如 "net_loss > 2e6"。',
        "indices": "要求计算（或跳过）敏感性指数；默认对 sobol 和 morris 设计计算。",
        "out": "analysis.parquet 和 analysis.html 的输出文件夹（默认：DIR/analysis）。",
        "lang": LANGUAGE,
        "force": "覆盖输出文件夹中已有的分析结果。",
    },
    "dashboard": {
        "scenarios": "除自带情景外另行提供的情景文件夹（可重复使用）。",
        "host": "监听地址；0.0.0.0 表示向网络开放。",
        "port": "监听端口。",
        "prepare_offline": (
            "从 npm 仓库下载页面所需的浏览器资源到 Solara 缓存（供无法联网的机器使用），然后退出。"
        ),
        "lang": LANGUAGE,
    },
}
"""Each argument's and option's help, by command name, then parameter name."""

BUILT_IN: dict[str, str] = {
    "help": "显示本帮助并退出。",
    "install_completion": "为当前 shell 安装命令补全。",
    "show_completion": "显示当前 shell 的命令补全脚本，以便复制或自定义安装。",
}
"""The help of the options Click and Typer add (``--help``, the completion ones), by name."""

PAGE: dict[str, str] = {
    "usage": "用法：",
    "arguments": "参数",
    "options": "选项",
    "commands": "命令",
    "default": "[默认：{}]",
    "envvar": "[环境变量：{}]",
    "required": "[必填]",
}
"""The page's own words: the usage line's prefix, the panels' titles, a parameter's notes."""


def command_help(command: str) -> str | None:
    """A command's help in Chinese (``GROUP`` for the group's), or None if it has none."""
    return COMMANDS.get(command)


def parameter_help(command: str, parameter: str) -> str | None:
    """A parameter's help in Chinese: the command's own, else Click's or Typer's, else None."""
    return PARAMETERS.get(command, {}).get(parameter) or BUILT_IN.get(parameter)
