"""The words of scenario problems and warnings, in English and Simplified Chinese.

Scenario files are read by police trainees and officials who may read Chinese only, so every
explanation and fix that a problem or a warning gives is a :class:`Message`: an id into
:data:`MESSAGES` with the values to fill in. A message *is* its English text (a ``str``), so
that code and tests that compare, search or print problems see English as before, and it
renders in another language on request (``message.render("zh")``), which is what the command
line does under ``--lang zh``.

Values filled in (key paths, file names, YAML keys, numbers the user wrote) stay as written in
both languages: they are what the user types. A value that is itself a message (``a number``
inside ``expected a number, got 'x'``) is rendered in the same language, and a tuple of values
is listed with the language's separator.

Experiment files, read and checked like scenarios, and the folders a sweep writes into use the
same messages (``govsim/experiments/``).

To add a message, add its id with both texts here and build it with ``Message(id, **values)``;
``tests/scenario/test_messages.py`` fails for a message without Chinese, for Chinese that takes
other values than its English, and for a problem or warning written as a plain English string.
"""

from __future__ import annotations

import functools
import re
import string
from typing import Any

LANGUAGES: tuple[str, ...] = ("en", "zh")
"""The languages of the texts below, in column order (as ``govsim.labels.LANGUAGES``)."""
ENGLISH_ONLY_FIELDS = frozenset({"description", "context"})
"""Values a Chinese text may leave out: English from elsewhere that it says without.

A parameter's description exists in English only; PyYAML's context (``while parsing a flow
mapping``) repeats what the Chinese says with the line number.
"""
LIBRARY_PREFIX = "yaml_said_"
"""Messages whose English is PyYAML's wording, recognised in its errors by :func:`said_by_yaml`."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- What a value is (expected ..., got ...) --------------------------------------------
    "kind_bool": ("true or false", "true 或 false"),
    "kind_int": ("a whole number", "整数"),
    "kind_float": ("a number", "数字"),
    "kind_str": ("text", "文本"),
    "kind_list": ("a list (one '- item' per line)", "列表（每行一个 '- 项'）"),
    "kind_dict": ("a mapping ('key: value' lines)", "映射（每行一个 'key: value'）"),
    "kind_value": ("a value", "值"),
    "kind_key_path": ("a key path", "键路径"),
    "kind_key_paths": ("a list of key paths", "键路径列表"),
    "kind_scenario_path": ("the path of a scenario file", "情景文件的路径"),
    "kind_known_link": ("a known link", "已知的协作链路"),
    "got_null": ("nothing (null)", "空值（null）"),
    "got_mapping": ("a mapping", "映射"),
    "got_list": ("a list", "列表"),
    "range_closed": ("{kind} in [{low}, {high}]", "{low}到{high}之间的{kind}"),
    "range_open_low": ("{kind} in ({low}, {high}]", "大于{low}且不超过{high}的{kind}"),
    "range_open_high": ("{kind} in [{low}, {high})", "不小于{low}且小于{high}的{kind}"),
    "range_open": ("{kind} in ({low}, {high})", "大于{low}且小于{high}的{kind}"),
    "range_ge": ("{kind} >= {low}", "不小于{low}的{kind}"),
    "range_gt": ("{kind} > {low}", "大于{low}的{kind}"),
    "range_le": ("{kind} <= {high}", "不超过{high}的{kind}"),
    "range_lt": ("{kind} < {high}", "小于{high}的{kind}"),
    "one_of": ("one of {choices}", "{choices}之一"),
    "either": ("{first} or {second}", "{first}或{second}"),
    "both": ("{first} and {second}", "{first}和{second}"),
    "expected_got": ("expected {expected}, got {got}", "应为{expected}，实为{got}"),
    "too_few_values": (
        "expected {count} values in brackets, got {got}",
        "方括号中应有 {count} 个值，实为 {got} 个",
    ),
    "too_few_values_fix": (
        "write all {count} in the brackets",
        "在方括号中写全 {count} 个值",
    ),
    "too_few_values_range_fix": (
        "write both ends, e.g. range: [0.2, 0.8]",
        "写出上下限，例如 range: [0.2, 0.8]",
    ),
    "too_few_items": (
        "expected at least {least} item(s), got {got}",
        "应至少有 {least} 项，实为 {got} 项",
    ),
    "too_few_items_fix": (
        "list at least {least} value(s) in the brackets, e.g. levels: [0.2, 0.8]",
        "在方括号中至少列出 {least} 个值，例如 levels: [0.2, 0.8]",
    ),
    "written_number_fix": (
        "write the number itself (YAML reads yes, no, on and off as true or false)",
        "直接写数字（YAML 会把 yes、no、on、off 读作 true 或 false）",
    ),
    "written_bool_fix": (
        "write true or false, unquoted",
        "写 true 或 false，不加引号",
    ),
    # --- Keys ---------------------------------------------------------------------------------
    "unknown_key": ("unknown key", "未知的键"),
    "valid_keys": ("valid keys here: {keys}", "此处可用的键：{keys}"),
    "did_you_mean": ("did you mean '{word}'?", "是否要写 '{word}'？"),
    "did_you_mean_builtin": (
        "did you mean the built-in '{word}'?",
        "是否要写内置类型 '{word}'？",
    ),
    "key_not_text": ("keys must be text, got {got}", "键必须是文本，实为{got}"),
    "quote_yes_no": (
        "put the key in quotes: YAML reads unquoted yes, no, on, off as true or false",
        "给键加上引号：YAML 会把不带引号的 yes、no、on、off 读作 true 或 false",
    ),
    "quote_number": ("put it in quotes: '{key}':", "给它加上引号：'{key}':"),
    "missing_key": ("required key is missing", "缺少必需的键"),
    "add_key": ("add '{key}:' with {expected}", "添加 '{key}:'，值为{expected}"),
    "add_key_described": (
        "add '{key}:' with {expected} ({description})",
        "添加 '{key}:'，值为{expected}",
    ),
    "new_scam_type_needs": (
        "{builtin} (a new scam type needs '{key}:' with {expected})",
        "{builtin}（新的诈骗类型需要 '{key}:'，值为{expected}）",
    ),
    "unknown_tag": ("unknown {key} '{tag}'", "未知的{key} '{tag}'"),
    "use": ("use {expected}", "请使用{expected}"),
    "plain_number": (
        "write it as a plain number without quotes or commas, e.g. {example}",
        "写成不带引号和逗号的普通数字，例如{example}",
    ),
    "duplicate_key": ("key given twice (first on line {line})", "键重复出现（首次在第{line}行）"),
    "duplicate_key_fix": (
        "YAML would keep only the last one; remove or merge them",
        "YAML 只会保留最后一个；请删除重复的键或把两处合并",
    ),
    # --- Links of cooperation ----------------------------------------------------------------
    "unknown_link": ("unknown link", "未知的协作链路"),
    "link_twice": (
        "the {link} link is given twice, as '{first}' and '{second}'",
        "{link}链路写了两次：'{first}' 和 '{second}'",
    ),
    "keep_one": ("keep only one of them", "只保留其中一个"),
    "not_a_link": (
        "'{name}' is not a link: expected two parties joined by '-', parties are {parties}",
        "'{name}' 不是协作链路：应为用 '-' 连接的两个参与方，参与方有{parties}",
    ),
    "not_a_modelled_link": (
        "'{name}' is not a modelled link; known links: {links}",
        "'{name}' 不是模型中的协作链路；已有链路：{links}",
    ),
    "link_level_range": (
        "link '{name}' must be in [0, 1], got {level}",
        "链路 '{name}' 的值应在 0 到 1 之间，实为{level}",
    ),
    "link_given_twice": (
        "link '{name}' is given twice (as '{link}')",
        "链路 '{name}' 写了两次（即 '{link}'）",
    ),
    "link_of": ("the link of {party}: {links}", "{party}的链路：{links}"),
    "links_of": ("the links of {party}: {links}", "{party}的链路：{links}"),
    "party_as": ("{word} (as {party})", "{word}（即{party}）"),
    "no_link_joins": (
        "no modelled link joins {first} and {second}; {links}",
        "模型中没有连接{first}和{second}的链路；{links}",
    ),
    "not_a_party": (
        "'{word}' is not a party (parties: {parties}); {links}",
        "'{word}' 不是参与方（参与方：{parties}）；{links}",
    ),
    # --- Rules across keys (validators) ------------------------------------------------------
    "name_not_a_folder": (
        "'{name}' cannot name a results folder: {why}",
        "'{name}' 不能用作结果文件夹名：{why}",
    ),
    "name_not_a_folder_fix": (
        "choose a name of letters (any script), digits, spaces, '-' or '_', e.g. {suggestion}",
        "请改用由文字（中文亦可）、数字、空格、'-' 或 '_' 组成的名称，例如 {suggestion}",
    ),
    "scenario_name_from_file": (
        "the scenario has no name, so it is named after its file: {problem}",
        "该情景没有 name，因此以文件名命名：{problem}",
    ),
    "name_blank": ("it is blank", "名称为空"),
    "name_unsafe_characters": (
        "it is '.' or '..', or holds a character a folder name cannot ({characters} or a "
        "control character)",
        "名称为 '.' 或 '..'，或含有文件夹名不能使用的字符（{characters} 或控制字符）",
    ),
    "name_trailing": (
        "it ends with a dot or a space, which Windows drops",
        "名称以句点或空格结尾，Windows 会将其去掉",
    ),
    "name_device": ("Windows reserves it for a device", "Windows 将其保留为设备名"),
    "name_too_long": (
        "it is longer than {limit} characters",
        "名称超过 {limit} 个字符",
    ),
    "city_beyond_market": (
        "a city of {size:,} residents is larger than the rings' market "
        "(fraud.market_population: {market:,}), of which it is a sample",
        "{size:,}名居民的城市大于诈骗团伙所服务的市场（fraud.market_population：{market:,}），"
        "而城市只是这个市场的一个样本",
    ),
    "city_beyond_market_fix": (
        "raise fraud.market_population to at least {size:,}, or simulate a smaller city "
        "(population.size, or --residents on the command line)",
        "把 fraud.market_population 提高到至少{size:,}，或模拟更小的城市"
        "（population.size，或命令行参数 --residents）",
    ),
    "no_scam_to_run": (
        "no scam type has a weight above 0 outside an event: rings would have nothing to run",
        "除事件专用的诈骗类型外，没有任何诈骗类型的 weight 大于 0：诈骗团伙将没有可实施的骗局",
    ),
    "no_scam_to_run_fix": (
        "give at least one scam type without 'event:' a weight above 0",
        "至少给一个不带 'event:' 的诈骗类型设置大于 0 的 weight",
    ),
    "nobody_susceptible": (
        "every group's susceptibility is 0: nobody could fall for this scam, and a data "
        "breach would find no group it fits",
        "所有人群的易受骗程度都为 0：没有人会被这种骗局骗到，数据泄露事件也找不到适用的人群",
    ),
    "nobody_susceptible_fix": (
        "give at least one group a value above 0; to switch the scam type off, set its weight to 0",
        "至少给一个人群设置大于 0 的值；如要关闭这种诈骗类型，请把它的 weight 设为 0",
    ),
    "nobody_lives_here": (
        "every share is 0: the city would have no residents of any age",
        "所有比例都为 0：城市里将没有任何年龄段的居民",
    ),
    "nobody_lives_here_fix": (
        "give the shares of students, working and elderly residents, e.g. "
        "{{student: 0.14, working: 0.62, elderly: 0.24}}",
        "给出学生、在职人员和老年居民的比例，例如{{student: 0.14, working: 0.62, elderly: 0.24}}",
    ),
    "text_needs_a_language": (
        "gives the text in no language (neither en nor zh)",
        "没有给出任何语言的文本（既没有 en，也没有 zh）",
    ),
    "text_fix": (
        "write en: ... (English) or zh: ... (Chinese), or both; or plain text without them",
        "写 en: ...（英文）或 zh: ...（中文），或两者都写；也可以直接写文本",
    ),
    "region_count": ("expected between 1 and 64 regions", "区域数应在 1 到 64 之间"),
    "region_names_unique": ("region names must be unique", "区域名称不能重复"),
    "institution_names_unique": (
        "institution names must be unique within a sector",
        "同一行业内的机构名称不能重复",
    ),
    "sector_needs_institution": (
        "a sector needs at least one institution",
        "每个行业至少需要一个机构",
    ),
    "channel_uncarried": (
        "no platform carries {channels}: scam contacts on {channels} would land nowhere",
        "没有平台承载{channels}：经{channels}发出的诈骗联络将无处落地",
    ),
    "channel_uncarried_fix": (
        "add {channels} to some platform's channels, e.g. channels: [im, web]",
        "把{channels}加入某个平台的 channels，例如 channels: [im, web]",
    ),
    "memory_too_small": (
        "{size} residents with {ties} ties each need about {needed} of memory, but only "
        "{available} is available",
        "{size}名居民、每人{ties}条社会联系，约需{needed}内存，但本机只有{available}可用",
    ),
    "memory_too_small_fix": (
        "lower population.size to at most {largest}, or lower population.ties_per_resident",
        "把 population.size 降到不超过{largest}，或降低 population.ties_per_resident",
    ),
    "memory_at_most": (
        "at most {largest} residents on this machine",
        "本机最多{largest}名居民",
    ),
    # --- Files, YAML and extends -------------------------------------------------------------
    "more_problems": (
        "... and {count} more problem(s), not shown: fix these and check again",
        "……另有 {count} 处问题未列出：请先改正以上问题，再检查一次",
    ),
    "file_not_found": ("file not found", "找不到文件"),
    "is_a_folder": ("is a directory, not a scenario file", "是文件夹，不是情景文件"),
    "unreadable": ("cannot be read: {reason}", "无法读取：{reason}"),
    "file_too_large": (
        "larger than {kib} KiB, the limit for a scenario file",
        "大于{kib} KiB，超出情景文件的大小上限",
    ),
    "file_too_large_fix": (
        "a scenario file holds a few kilobytes of settings; is this the right file?",
        "情景文件通常只有几 KB 的设置；请确认是不是选错了文件",
    ),
    "not_utf8": ("not UTF-8 text (byte 0x{byte})", "不是 UTF-8 文本（字节 0x{byte}）"),
    "not_utf8_fix": ("save the file with UTF-8 encoding", "请用 UTF-8 编码保存文件"),
    "file_empty": ("the file is empty", "文件为空"),
    "file_empty_fix": ("a scenario needs at least 'name: ...'", "情景文件至少需要 'name: ...'"),
    "root_not_mapping": (
        "expected a mapping of keys at the top level, got {got}",
        "最外层应为键的映射，实为{got}",
    ),
    "root_not_mapping_fix": (
        "start with '{key}: ...' at the left margin, one 'key: value' per line",
        "从最左边以 '{key}: ...' 开头，每行写一个 'key: value'",
    ),
    "experiment_empty_fix": (
        "an experiment needs at least 'scenario: ...'",
        "实验文件至少需要 'scenario: ...'",
    ),
    "invalid_yaml": ("invalid YAML: {problem}", "YAML 格式错误：{problem}"),
    # PyYAML's own problems: the English is PyYAML's wording, matched to put it in Chinese.
    "yaml_said_block_end": (
        "expected <block end>, but found {token}",
        "缩进没有对齐：上一层内容应在这里结束，却遇到了{token}",
    ),
    "yaml_said_node_content": (
        "expected the node content, but found {token}",
        "这里缺少值，却遇到了{token}",
    ),
    "yaml_said_document_start": (
        "expected '<document start>', but found {token}",
        "这里应是新文档的开头，却遇到了{token}",
    ),
    "yaml_said_comment": (
        "expected a comment or a line break, but found {token}",
        "这里应为注释或换行，却遇到了{token}",
    ),
    "yaml_said_alphanumeric": (
        "expected alphabetic or numeric character, but found {token}",
        "这里应为字母或数字，却遇到了{token}",
    ),
    "yaml_said_expected_found": (
        "expected {wanted}, but found {token}",
        "这里应为{wanted}，却遇到了{token}",
    ),
    "yaml_said_flow_mapping": (
        "expected ',' or '}}', but got {token}",
        "这里应为 ',' 或 '}}'，却遇到了{token}",
    ),
    "yaml_said_flow_sequence": (
        "expected ',' or ']', but got {token}",
        "这里应为 ',' 或 ']'，却遇到了{token}",
    ),
    "yaml_said_expected_got": (
        "expected {wanted}, but got {token}",
        "这里应为{wanted}，却遇到了{token}",
    ),
    "yaml_said_character": (
        "found character {char} that cannot start any token",
        "出现了不能用在这里的字符{char}",
    ),
    "yaml_said_colon": ("could not find expected ':'", "找不到应有的 ':'"),
    "yaml_said_mapping_values": ("mapping values are not allowed here", "这里不能写 'key: value'"),
    "yaml_said_mapping_keys": ("mapping keys are not allowed here", "这里不能写键"),
    "yaml_said_sequence_entries": (
        "sequence entries are not allowed here",
        "这里不能写 '- ' 列表项",
    ),
    "yaml_said_tag": ("could not determine a constructor for the tag {tag}", "无法识别标签{tag}"),
    "yaml_said_end": (
        "found unexpected end of stream",
        "文件意外结束（引号或括号没有闭合？）",
    ),
    "yaml_said_escape": ("found unknown escape character {char}", "未知的转义字符{char}"),
    "yaml_said_alias": ("found undefined alias {alias}", "使用了未定义的别名{alias}"),
    "yaml_said_another_document": ("but found another document", "一个文件里出现了第二个文档"),
    "yaml_said_special": ("special characters are not allowed", "不允许出现特殊（控制）字符"),
    "yaml_said_unhashable": ("found unhashable key", "键不能是列表或映射"),
    "yaml_said_indentation": (
        "invalid indentation or unclosed '[' or '{{'",
        "缩进不对，或 '[' 或 '{{' 没有闭合",
    ),
    "yaml_said_separator": ("found unexpected document separator", "出现了意外的文档分隔符"),
    "invalid_yaml_context": (
        "invalid YAML: {context}, {problem}",
        "YAML 格式错误：{problem}",
    ),
    "invalid_yaml_earlier": (
        "invalid YAML: {problem} ({context} on line {line})",
        "YAML 格式错误：{problem}（出错的结构从第{line}行开始）",
    ),
    "yaml_tab": ("indent with spaces: YAML does not allow tabs", "请用空格缩进：YAML 不允许制表符"),
    "yaml_colon": (
        "write 'key: value' with a space after the colon",
        "写成 'key: value'，冒号后面要有空格",
    ),
    "yaml_mapping_value": (
        "check the indentation, and quote values containing ': '",
        "请检查缩进；含有 ': ' 的值要加引号",
    ),
    "yaml_block_end": (
        "check that this line is indented like its neighbours",
        "请检查这一行的缩进是否与上下行一致",
    ),
    "yaml_tag": (
        "scenario files hold plain data: remove the '!' tag",
        "情景文件只能包含普通数据：请删除 '!' 标签",
    ),
    "yaml_control": (
        "remove the control character (copied from a terminal or a PDF?)",
        "请删除控制字符（可能是从终端或 PDF 复制来的）",
    ),
    "yaml_documents": (
        "a scenario file holds one document: remove the '---' line",
        "一个情景文件只能有一个文档：请删除 '---' 那一行",
    ),
    "yaml_check_lines": (
        "check the indentation and quotes on this line and the one before",
        "请检查这一行和上一行的缩进与引号",
    ),
    "full_width_colon": (
        "full-width colon '：' at column {column} (typed with a Chinese input method): YAML "
        "reads a key only before the ASCII colon ':'",
        "第 {column} 列是全角冒号 '：'（中文输入法输入的）：YAML 只认半角冒号 ':' 前面的键",
    ),
    "full_width_colon_fix": (
        "replace ： with : followed by a space",
        "把 ： 换成半角的 :，后面加一个空格",
    ),
    "full_width_space": (
        "full-width space (U+3000) at column {column} in the indentation: YAML indents only "
        "with ordinary spaces",
        "缩进中第 {column} 列是全角空格（U+3000）：YAML 只能用半角空格缩进",
    ),
    "full_width_space_fix": (
        "replace the full-width space with ordinary spaces (two for each level)",
        "把全角空格换成半角空格（每层缩进两个）",
    ),
    "full_width_comma": (
        "full-width comma '，' at column {column}: YAML separates the items in brackets only "
        "with the ASCII comma ','",
        "第 {column} 列是全角逗号 '，'：YAML 只用半角逗号 ',' 分隔括号中的各项",
    ),
    "full_width_comma_fix": (
        "replace ， with , followed by a space",
        "把 ， 换成半角的 ,，后面加一个空格",
    ),
    "full_width_digits": (
        "full-width digits at column {column} ({value}): YAML reads them as text, not a number",
        "第 {column} 列是全角数字（{value}）：YAML 会把它读作文本而不是数字",
    ),
    "full_width_digits_fix": (
        "type the number with ordinary digits: {example}",
        "改用半角数字：{example}",
    ),
    "too_deep": ("nested more than {depth} levels deep", "嵌套超过{depth}层"),
    "too_deep_fix": (
        "a scenario nests a few levels at most; check the brackets on this line",
        "情景文件最多只嵌套几层；请检查这一行的括号",
    ),
    "too_long": ("longer than {kib} KiB", "超过{kib} KiB"),
    "shorten": ("shorten it", "请缩短"),
    "self_alias": (
        "a value contains an alias of itself (an '&anchor' used inside its own value)",
        "某个值包含指向自身的别名（在 '&anchor' 自己的值里又用了它）",
    ),
    "self_alias_fix": (
        "scenario data cannot refer to itself; write the value out",
        "情景数据不能引用自身；请把值完整写出来",
    ),
    "too_many_values": (
        "expands to more than {count} values through its aliases ('*name'); files are "
        "limited to that, since a few nested aliases can multiply into billions of values "
        "and keep the reader busy for hours",
        "通过别名（'*name'）展开后超过{count}个值；文件以此为上限，"
        "因为几层嵌套的别名就能膨胀成数十亿个值，让读取程序忙上几个小时",
    ),
    "too_many_values_fix": (
        "write the values out, or use fewer aliases",
        "请把值直接写出来，或少用别名",
    ),
    "nothing_to_replace": (
        "nothing to replace: this file extends no other",
        "没有可替换的内容：本文件没有继承（extends）其他文件",
    ),
    "nothing_to_replace_fix": (
        "add 'extends: PARENT.yaml', or remove 'replace'",
        "添加 'extends: PARENT.yaml'，或删除 'replace'",
    ),
    "extends_loop": (
        "loops back to a file already in the chain: {chain}",
        "继承形成了循环，回到了链中已有的文件：{chain}",
    ),
    "extends_loop_fix": (
        "remove 'extends' from one of these files",
        "从其中一个文件里删除 'extends'",
    ),
    "parent_not_found": (
        "parent scenario '{name}' not found (looked for {path})",
        "找不到父情景 '{name}'（查找的位置：{path}）",
    ),
    "parent_not_found_fix": (
        "the path is relative to this file; check its spelling",
        "路径是相对于本文件的；请检查拼写",
    ),
    "parent_needs_suffix": (
        "the path is relative to this file and names the file in full: extends: {name}",
        "路径是相对于本文件的，须写出完整文件名：extends: {name}",
    ),
    "parent_is_shipped": (
        "the path is relative to this file; a scenario shipped with govsim has that name: "
        "extends: {path}",
        "路径是相对于本文件的；govsim 自带的情景中有同名文件：extends: {path}",
    ),
    "no_such_replace_key": ("no key '{key}' in {where}", "{where}中没有键 '{key}'"),
    "a_scenario": ("a scenario", "情景"),
    "replace_not_mapping": ("{path} is not a mapping", "{path}不是映射"),
    "replace_not_mapping_fix": (
        "only mappings merge with the parent's; a list or a single value already replaces it",
        "只有映射会与父情景的值合并；列表或单个值本来就会整个替换父情景的值",
    ),
    # --- Settings on the command line --------------------------------------------------------
    "override_source": ("command-line options", "命令行参数"),
    "dashboard_source": ("the dashboard's controls", "仪表盘的控件"),
    "setting_no_equals": (
        "expected key.path=value, got {got} (no '=')",
        "应为 key.path=value，实为{got}（缺少 '='）",
    ),
    "setting_no_path": (
        "expected key.path=value, got {got} (no key path before '=')",
        "应为 key.path=value，实为{got}（'=' 前缺少键路径）",
    ),
    "setting_fix": ("write key.path=value, e.g. {example}", "写成 key.path=value，例如{example}"),
    "setting_value_limit": ("the value {limit}", "这个值无法读取：{limit}"),
    "setting_value_yaml": (
        "the value {value} is not valid YAML: {problem}",
        "值{value}不是有效的 YAML：{problem}",
    ),
    "setting_value_yaml_fix": (
        "quote text containing ':', '#', '[' or '{{'; write lists as [a, b]",
        "含有 ':'、'#'、'[' 或 '{{' 的文本要加引号；列表写成 [a, b]",
    ),
    "no_such_key": ("no such key in the scenario", "情景中没有这个键"),
    "no_such_key_fix": (
        "key paths start with one of {keys}; see 'govsim show' for every key",
        "键路径应以{keys}之一开头；全部键可用 'govsim show' 查看",
    ),
    "no_candidate": ("no candidate value", "没有可用的候选值"),
    # --- Cautions: valid, but not what it seems to say ---------------------------------------
    "shares_scaled": (
        "the shares sum to {total}, not 1: they will be scaled to {scaled}",
        "各比例之和为{total}，不是 1：将按比例缩放为{scaled}",
    ),
    "shares_scaled_fix": (
        "make the shares of students, working and elderly residents sum to 1",
        "让学生、在职人员和老年居民的比例之和为 1",
    ),
    "event_after_end": (
        "day {day} is after the last measured day ({days}): the {event} never happens",
        "第{day}天晚于最后一个统计日（第{days}天）：这个{event}事件不会发生",
    ),
    "event_after_end_fix": (
        "set a day from 1 to {days}, or raise days",
        "把 day 设为 1 到{days}之间，或增大 days",
    ),
    "campaign_no_groups": (
        "no age group is targeted: the campaign reaches nobody",
        "没有指定任何年龄组：宣传活动覆盖不到任何人",
    ),
    "campaign_no_groups_fix": (
        "list the groups, e.g. [student, elderly], or leave 'groups' out for all",
        "列出目标人群，例如 [student, elderly]；或删去 'groups'，面向所有人群",
    ),
    "campaign_zero": ("{key} is 0: the campaign changes nothing", "{key}为 0：宣传活动不起作用"),
    "breach_zero": ("share is 0: no record leaks", "share 为 0：不会泄露任何个人信息"),
    "crackdown_zero": (
        "intensity is 0: the operation cuts nothing",
        "intensity 为 0：这次断卡行动打不掉任何卡",
    ),
    "rings_beyond_max": (
        "the market starts with {rings} rings (rings_per_million x market_population), more "
        "than max_rings ({max_rings}): max_rings only stops entry, so all of them start",
        "市场开始时有{rings}个诈骗团伙（rings_per_million 乘以 market_population），"
        "多于 max_rings（{max_rings}）：max_rings 只限制新团伙进入，所以这些团伙全部会开始活动",
    ),
    "rings_beyond_max_fix": (
        "raise max_rings to at least {rings}, or lower rings_per_million",
        "把 max_rings 提高到至少{rings}，或降低 rings_per_million",
    ),
    "caution_brought_by": (
        "{caution} (the scenario sets this key, not these options: it stops acting as written "
        "once {keys} is set as here)",
        "{caution}（该键由情景设置，而非这里的选项：按这里对 {keys} 的设置，"
        "它不再按所写内容起作用）",
    ),
    "caution_brought_by_several": (
        "{caution} (the scenario sets this key, not these options: it stops acting as written "
        "once {keys} are set as here)",
        "{caution}（该键由情景设置，而非这里的选项：按这里对 {keys} 的设置，"
        "它不再按所写内容起作用）",
    ),
    "hub_only": (
        "only a hub reads {key}, and the structure is '{structure}'",
        "只有 hub（合成中心）结构才读取{key}，而当前结构是 '{structure}'",
    ),
    "hub_only_fix": (
        "set cooperation.structure: hub, or remove this key",
        "设置 cooperation.structure: hub，或删除这个键",
    ),
    "sector_disabled": (
        "the {sector} are disabled (enabled: false), so this capability does nothing",
        "{sector}已停用（enabled: false），这个 capability 不起作用",
    ),
    "sector_disabled_fix": (
        "set agencies.{sector}.enabled: true, or remove this capability",
        "设置 agencies.{sector}.enabled: true，或删除这个 capability",
    ),
    # --- The command line --------------------------------------------------------------------
    "no_yaml_files": ("no *.yaml files", "没有 *.yaml 文件"),
    "no_yaml_files_fix": (
        "name scenario files, or a folder that holds some",
        "请指定情景文件，或含有情景文件的文件夹",
    ),
    "nothing_to_compare": (
        "extends no other scenario, so there is nothing to compare it with",
        "没有继承其他情景，因此没有可比较的对象",
    ),
    "nothing_to_compare_fix": (
        "compare it with another file: --against OTHER.yaml",
        "可与另一个文件比较：--against OTHER.yaml",
    ),
    # --- Experiment files ----------------------------------------------------------------------
    "no_salib": (
        "the {design} design draws its points with SALib, which is not installed",
        "{design} 设计用 SALib 抽取参数点，但 SALib 未安装",
    ),
    "no_salib_fix": (
        "install it with: pip install 'govsim[analysis]'",
        "请安装：pip install 'govsim[analysis]'",
    ),
    "name_from_file": (
        "the experiment is named after its file: {problem}",
        "实验以其文件名命名：{problem}",
    ),
    "name_from_file_fix": (
        "add a line name: {suggestion} (or rename the file)",
        "请添加一行 name: {suggestion}（或重命名文件）",
    ),
    "no_scenario_file": ("no scenario file {path}", "找不到情景文件 {path}"),
    "no_scenario_file_fix": (
        "give the scenario's path relative to this experiment file",
        "情景文件的路径应相对于本实验文件",
    ),
    "levels_or_range": ("give either levels or range", "请给出 levels 或 range，二者选一"),
    "levels_or_range_fix": (
        "write levels: [0.2, 0.5] for chosen values, or range: [0.2, 0.8]",
        "取指定的值写 levels: [0.2, 0.5]，取一个区间写 range: [0.2, 0.8]",
    ),
    "range_empty": (
        "range [{low}, {high}] is empty: its low end must be below its high end",
        "范围 [{low}, {high}] 为空：下限必须小于上限",
    ),
    "range_empty_fix": ("swap them", "请交换上下限"),
    "lever_and_uncertainty": (
        "is both a lever and an uncertainty: also {other} (line {line})",
        "既是政策杠杆（lever）又是不确定因素（uncertainty）：另见 {other}（第 {line} 行）",
    ),
    "lever_and_uncertainty_fix": (
        "a key path is either chosen by governance (lever) or not (uncertainty): keep one",
        "一个键路径要么由治理方选择（lever），要么不由其选择（uncertainty）：只保留一处",
    ),
    "same_setting": (
        "sets the same value as {other} (line {line}): the sweep would use only one of "
        "them, and the other would silently do nothing",
        "与 {other}（第 {line} 行）设置的是同一个值：扫描只会用其中一个，另一个不会起作用，"
        "也不会有任何提示",
    ),
    "fixed_or_varied_fix": (
        "remove it from fixed to vary it, or from {section} to hold it fixed",
        "如要改变它，请从 fixed 中删除；如要固定它，请从 {section} 中删除",
    ),
    "inside_setting": (
        "lies inside {other} (line {line}), which is also set whole: one of them would "
        "silently do nothing",
        "位于 {other}（第 {line} 行）之内，而后者也被整体设置：其中一个不会起作用，"
        "也不会有任何提示",
    ),
    "inside_setting_fix": (
        "set either {outer} whole or keys inside it, not both",
        "要么整体设置 {outer}，要么设置其中的键，不要两者兼有",
    ),
    "inside_varied_fix": (
        "put the value into each level of {outer}, or remove it from fixed",
        "把这个值写进 {outer} 的每个取值，或从 fixed 中删除",
    ),
    "design_needs_samples": ("the {design} design needs samples", "{design} 设计需要 samples"),
    "design_needs_samples_fix": (
        "add e.g. samples: 64 (a power of 2 for sobol)",
        "请添加例如 samples: 64（sobol 设计应取 2 的幂）",
    ),
    "grid_takes_no_samples": (
        "a grid runs every combination of levels, so samples is not used",
        "grid 设计运行各取值的全部组合，不使用 samples",
    ),
    "grid_takes_no_samples_fix": (
        "remove samples, or choose design: random, lhs, sobol or morris",
        "请删除 samples，或改用 design: random、lhs、sobol 或 morris",
    ),
    "grid_needs_levels": (
        "a grid needs levels, not a range",
        "grid 设计需要 levels，而不是 range",
    ),
    "grid_needs_levels_fix": (
        "write levels: [...], or choose design: lhs (or random, sobol, morris)",
        "请改写为 levels: [...]，或改用 design: lhs（或 random、sobol、morris）",
    ),
    "design_needs_range": (
        "the {design} design needs a range, not levels",
        "{design} 设计需要 range，而不是 levels",
    ),
    "design_needs_range_fix": (
        "write range: [low, high] (with integer: true for whole numbers)",
        "请改写为 range: [下限, 上限]（取整数时加上 integer: true）",
    ),
    "too_many_points": (
        "the design has more than {count} points",
        "设计的参数点超过 {count} 个",
    ),
    "too_many_points_fix": ("lower samples or levels", "请减少 samples 或 levels"),
    "sobol_samples": (
        "{samples} is not a power of 2: Sobol' points are balanced, and their indices "
        "converge as they should, only at powers of 2",
        "{samples} 不是 2 的幂：只有样本数为 2 的幂时，Sobol 点才均衡，敏感性指数才能正常收敛",
    ),
    "sobol_samples_fix": ("write samples: {nearest}", "请改为 samples: {nearest}"),
    "not_an_outcome": (
        "{outcome} is not a summary column of a run",
        "{outcome} 不是单次运行的汇总列",
    ),
    "not_an_outcome_fix": (
        "outcomes are summary columns, e.g. net_loss",
        "outcomes 应为汇总列，例如 net_loss",
    ),
    "point_invalid": (
        "the point {settings} makes an invalid scenario: {problem}",
        "参数点 {settings} 使情景无效：{problem}",
    ),
    "range_leaves_scenario": (
        "the range [{low}, {high}] leaves what the scenario takes: {problem}",
        "范围 [{low}, {high}] 超出了情景可接受的值：{problem}",
    ),
    "expected_only": ("expected {expected}", "应为{expected}"),
    "link_level_range_only": (
        "link '{name}' must be in [0, 1]",
        "链路 '{name}' 的值应在 0 到 1 之间",
    ),
    "caution_in_scenario": (
        "{key_path} in the scenario: {caution}",
        "情景中的 {key_path}：{caution}",
    ),
    "caution_at_points": (
        "{caution} (at {count} of {points} points)",
        "{caution}（{points} 个参数点中有 {count} 个如此）",
    ),
    "caution_at_drawn_points": (
        "{caution} (at {count} of {points} points drawn from the range; said as at the first)",
        "{caution}（从该范围抽取的 {points} 个参数点中有 {count} 个如此；以上按其中第一个表述）",
    ),
    # --- Sweep folders and backends ------------------------------------------------------------
    "sweep_out_unwritable": (
        "cannot write results into {folder}/: {reason}",
        "无法把结果写入 {folder}/：{reason}",
    ),
    "sweep_out_is_a_file": (
        "{folder} is a file, not a folder: give --out a folder",
        "{folder} 是文件而不是文件夹：请用 --out 指定一个文件夹",
    ),
    "sweep_out_not_a_sweep": (
        "{folder}/ holds files but no sweep: choose another folder with --out",
        "{folder}/ 中有文件，但不是参数扫描的结果：请用 --out 另选文件夹",
    ),
    "sweep_out_busy": (
        "another sweep is writing into {folder}/: wait for it, or choose another --out",
        "另一个参数扫描正在写入 {folder}/：请等它结束，或用 --out 另选文件夹",
    ),
    "sweep_out_other_experiment": (
        "{folder}/ holds results of another experiment, or of this one before it (or its "
        "scenario) changed ({experiment}, fingerprint {old}; now {new}): choose another folder "
        "with --out, or add --restart to discard them (only adding replications keeps the "
        "runs already there)",
        "{folder}/ 中是另一个实验的结果，或是本实验（或其情景）修改之前的结果"
        "（{experiment}，指纹 {old}；现为 {new}）：请用 --out 另选文件夹，"
        "或加上 --restart 丢弃这些结果（只有增加重复次数时才会保留已有的运行）",
    ),
    "sweep_out_other_versions": (
        "{folder}/ holds runs made with other versions than this machine's ({versions}; "
        "recorded -> here): the same seeds may give other numbers, so new runs would not match "
        "them: run the sweep where the recorded versions are installed, add --restart to "
        "discard the runs, or choose another folder with --out",
        "{folder}/ 中的运行所用版本与本机不同（{versions}；记录版本 -> 本机版本）："
        "同样的种子可能得到不同的数值，新旧运行无法对应：请在装有所记录版本的环境中运行，"
        "或加上 --restart 丢弃已有运行，或用 --out 另选文件夹",
    ),
    "sweep_part_damaged": (
        "{part}: cannot be read ({reason}): move it out of the runs folder and run the same "
        "sweep again: the runs it held are run again, the others are kept",
        "{part}：无法读取（{reason}）：请把它移出 runs 文件夹，再运行同一扫描命令："
        "其中的运行会重新运行，其余运行保留",
    ),
    "no_sweep_results": (
        "{folder}/ holds no sweep results (no {manifest})",
        "{folder}/ 中没有参数扫描结果（缺少 {manifest}）",
    ),
    "dask_missing": (
        "the dask backend needs Dask's distributed scheduler, which is not installed: "
        "install govsim's dask extra (pip install -e '.[dask]' in govsim's folder)",
        "dask 后端需要 Dask 的分布式调度器（distributed），但它未安装："
        "请安装 govsim 的 dask 扩展（在 govsim 文件夹中运行 pip install -e '.[dask]'）",
    ),
    "scheduler_file_missing": (
        "--scheduler-file: {file} did not appear within {seconds} s: start the scheduler "
        "first (dask scheduler --scheduler-file {file}), or check the path",
        "--scheduler-file：{seconds} 秒内未出现 {file}：请先启动调度器"
        "（dask scheduler --scheduler-file {file}），或检查路径",
    ),
    "scheduler_unreachable": (
        "cannot reach the Dask scheduler at {address} ({reason}): start it and its workers "
        "first (dask scheduler, then dask worker ADDRESS), or check the address",
        "无法连接位于 {address} 的 Dask 调度器（{reason}）：请先启动调度器及其工作进程"
        "（dask scheduler，然后 dask worker ADDRESS），或检查地址",
    ),
}
"""Every explanation and fix of a scenario (or experiment) problem or warning: id -> (en, zh).

Texts are ``str.format`` templates; the Chinese takes the same values as the English (or
fewer, only those in :data:`ENGLISH_ONLY_FIELDS`). Chinese templates need no spaces around
values: :func:`spaced` puts one between Chinese and a Latin value (``应为 0 到 1 之间的数字``)
and none between Chinese and a Chinese one (``实为列表``). Nothing inside a value, or inside the
quotes around it, is spaced: ``实为 '反诈 中心'`` gives the value as written.
"""

FRAMES: dict[str, tuple[str, str]] = {
    "line": ("{file}:{line}", "{file} 第 {line} 行"),
    "key": ("{key_path}: {message}", "{key_path}：{message}"),
    "hint": ("{message}; {hint}", "{message}；{hint}"),
    "where": ("{where}: {text}", "{where}：{text}"),
}
"""How a problem's parts are joined into one line, in each language."""
LIST_SEPARATORS: tuple[str, str] = (", ", "、")

_HAN = r"\u3400-\u9fff"
_LATIN_START = r"A-Za-z0-9'\"\[({*<_.\-"
_LATIN_END = r"A-Za-z0-9'\"\])}*>%_."
_SPACE_BEFORE = re.compile(rf"(?<=[{_HAN}])(?=[{_LATIN_START}])")
_SPACE_AFTER = re.compile(rf"(?<=[{_LATIN_END}])(?=[{_HAN}])")
_CRAMPED = re.compile(rf"(?<=[{_HAN}）]) (?=[{_HAN}])")
QUOTES = ("'", '"')
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
"""Private-use characters that mark where a value stands while a text is spaced."""


class Message(str):
    """A problem's explanation or fix: its English text, renderable in another language.

    A ``str`` subclass, so that it prints, compares and searches as its English text, and
    plain strings (a value, a library's own message) can stand where a message may.
    """

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, /, **values: Any) -> Message:
        """Build message ``key`` of :data:`MESSAGES` with its values (a KeyError if unknown)."""
        message = super().__new__(cls, _fill(MESSAGES[key][0], "en", values))
        message.key = key
        message.values = values
        return message

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, Any]]:
        """Rebuild from the id and values on unpickling (problems cross process boundaries)."""
        return (self.key,), self.values

    def render(self, language: str = "en") -> str:
        """Return the text in ``language`` (English for a language it does not know)."""
        if language not in LANGUAGES[1:]:
            return str(self)
        return _fill_spaced(MESSAGES[self.key][LANGUAGES.index(language)], language, self.values)


def in_language(value: Any, language: str) -> Any:
    """Return a value to fill into a text: a message rendered, a tuple listed, else as is."""
    if isinstance(value, Message):
        return value.render(language)
    if isinstance(value, tuple):
        separator = LIST_SEPARATORS[_column(language)]
        return separator.join(str(in_language(item, language)) for item in value)
    return value


def frame(part: str, language: str, **values: Any) -> str:
    """Join the parts of a problem (``file:line``, ``key: message``) as the language does."""
    rendered = {name: in_language(value, language) for name, value in values.items()}
    return FRAMES[part][_column(language)].format(**rendered)


def message_of(error: BaseException) -> str:
    """Return an exception's message, keeping it a :class:`Message` if it was raised as one.

    ``str(error)`` would turn a message back into plain English text.
    """
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Message) else str(error)


def spaced(text: str) -> str:
    """Put a space between Chinese and Latin letters or digits, as Chinese typesetting does.

    Templates can then place values without caring whether they are Chinese (``数字``) or
    written as typed (``'police'``, ``0.5``).
    """
    return _SPACE_AFTER.sub(" ", _SPACE_BEFORE.sub(" ", _CRAMPED.sub("", text)))


def said_by_yaml(problem: str) -> str:
    """Return PyYAML's description of a problem as a message, if it is one we know.

    PyYAML words its errors in English; a known one is matched against the English texts of
    the ``yaml_said_`` messages, so that it can be given in Chinese. An unknown one stays as
    PyYAML wrote it.
    """
    for key, pattern in _library_patterns().items():
        match = pattern.fullmatch(problem)
        if match:
            return Message(key, **match.groupdict())
    return problem


@functools.cache
def _library_patterns() -> dict[str, re.Pattern[str]]:
    return {
        key: _pattern(english)
        for key, (english, _) in MESSAGES.items()
        if key.startswith(LIBRARY_PREFIX)
    }


def _pattern(template: str) -> re.Pattern[str]:
    """Return a regular expression that matches what a template gives, capturing its values."""
    parts = string.Formatter().parse(template)
    return re.compile(
        "".join(re.escape(text) + (f"(?P<{f}>.+?)" if f else "") for text, f, _, _ in parts)
    )


def _column(language: str) -> int:
    return LANGUAGES.index(language) if language in LANGUAGES else 0


def _fill(template: str, language: str, values: dict[str, Any]) -> str:
    return template.format(**{name: in_language(v, language) for name, v in values.items()})


def _fill_spaced(template: str, language: str, values: dict[str, Any]) -> str:
    """Fill a template and space its Chinese from its Latin, leaving each value as it was.

    Each value is spaced from the words around it by its first and last characters, but
    nothing inside it moves, nor between it and the quotes a template puts around it: a
    value quoted from the file (``'反诈 中心'``, ``'0,8元'``) is what the user wrote, and a
    space added or dropped in it would send them looking for a mistake that is not there. A
    value stands in the text as its first and last characters around a private-use mark
    until the spacing is done.
    """
    parts = list(string.Formatter().parse(template))
    shown: dict[str, str] = {}
    text = written = ""
    for index, (literal, name, spec, _) in enumerate(parts):
        text, written = text + literal, written + literal
        if name is None:
            continue
        value = format(in_language(values[name], language), spec or "")
        quote = text[-1:]
        following = parts[index + 1][0] if index + 1 < len(parts) else ""
        if quote in QUOTES and written.count(quote) % 2 and quote in following:
            # the value in its quotes ('{key}:') is one piece: nothing inside them moves
            end = following.index(quote) + 1
            text, value = text[:-1], f"{quote}{value}{following[:end]}"
            parts[index + 1] = (following[end:], *parts[index + 1][1:])
            written += following[:end]
        stand_in = f"{value[:1]}{_MARK_OPEN}{len(shown)}{_MARK_CLOSE}{value[-1:]}"
        shown[stand_in] = value
        text += stand_in
    text = spaced(text)
    for stand_in, value in shown.items():
        text = text.replace(stand_in, value)
    return text
