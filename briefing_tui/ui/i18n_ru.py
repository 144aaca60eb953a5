"""Russian words of the app's chrome, keyed by the English text (see ``ui.i18n``).

A plural entry holds CLDR's one, few and many forms (1 абзац, 2 абзаца, 5 абзацев).
``tests/unit/test_i18n.py`` checks that every message the UI uses is here, with the same
``{placeholders}``, and that nothing here is unused.
"""

from __future__ import annotations

RU: dict[str, str | tuple[str, str, str]] = {
    # -- tabs, footer, help groups ---------------------------------------------------------
    "Overview": "Обзор",
    "Report": "Доклад",
    "Agreements": "Соглашения",
    "Sources": "Источники",
    "palette": "команды",
    "Keys  (Escape closes)": "Клавиши  (Escape — закрыть)",
    "Read the report": "Чтение доклада",
    "Switch tabs": "Вкладки",
    "Search": "Поиск",
    "Check sources": "Проверка источников",
    "Go back and forward after a jump": "Назад и вперёд после перехода",
    "Agreements table": "Таблица соглашений",
    "The app": "Приложение",
    "Move in any list": "Движение по любому списку",
    "Next / previous / first / last": "Следующий / предыдущий / первый / последний",
    "More": "Ещё",
    "In every tab": "На любой вкладке",
    "Open the item under the cursor, or jump to what it cites": (
        "Открыть элемент под курсором или перейти к тому, на что он ссылается"
    ),
    "Move to the next pane (the sources pane scrolls with j/k once there)": (
        "Перейти в следующую панель (панель источников прокручивается клавишами j/k)"
    ),
    "Jump to any section, agreement, source or figure by name": (
        "Перейти к разделу, соглашению, источнику или цифре по названию"
    ),
    # -- key descriptions -------------------------------------------------------------------
    "Quit": "Выход",
    "Help": "Справка",
    "Dark/light theme": "Тёмная/светлая тема",
    "Next match": "Следующее совпадение",
    "Previous match": "Предыдущее совпадение",
    "Clear search marks": "Убрать отметки поиска",
    "Sources pane": "Панель источников",
    "Filter by source": "Фильтр по источнику",
    "Unsourced only": "Только без источников",
    "Copy source link": "Копировать ссылку источника",
    "Back": "Назад",
    "Forward": "Вперёд",
    "Down a line": "Строка вниз",
    "Up a line": "Строка вверх",
    "Half a page down": "Полстраницы вниз",
    "Half a page up": "Полстраницы вверх",
    "Page down": "Страница вниз",
    "Page up": "Страница вверх",
    "Top": "В начало",
    "Bottom": "В конец",
    "Next section": "Следующий раздел",
    "Previous section": "Предыдущий раздел",
    "Next paragraph": "Следующий абзац",
    "Previous paragraph": "Предыдущий абзац",
    "Outline": "Оглавление",
    "Scroll the pane down": "Прокрутить панель вниз",
    "Scroll the pane up": "Прокрутить панель вверх",
    "First section": "Первый раздел",
    "Last section": "Последний раздел",
    "Next item": "Следующий элемент",
    "Previous item": "Предыдущий элемент",
    "First item": "Первый элемент",
    "Last item": "Последний элемент",
    "Next agreement": "Следующее соглашение",
    "Previous agreement": "Предыдущее соглашение",
    "First agreement": "Первое соглашение",
    "Last agreement": "Последнее соглашение",
    "Sort": "Сортировка",
    "Reverse sort": "Обратная сортировка",
    "Area": "Область",
    "Status": "Статус",
    "Next": "Следующий",
    "Previous": "Предыдущий",
    "First": "Первый",
    "Last": "Последний",
    "Backlinks": "Где цитируется",
    "Source list": "Список источников",
    "Close search": "Закрыть поиск",
    "Next hit": "Следующий результат",
    "Previous hit": "Предыдущий результат",
    "Close": "Закрыть",
    "Down": "Вниз",
    "Up": "Вверх",
    "Scroll down": "Прокрутить вниз",
    "Scroll up": "Прокрутить вверх",
    "Cancel": "Отмена",
    "Continue": "Продолжить",
    "Open": "Открыть",
    # -- palette ----------------------------------------------------------------------------
    "Search for commands…": "Поиск команд и переходов…",
    "Show the keys": "Показать клавиши",
    "Switch between dark and light": "Переключить тёмную и светлую тему",
    "Leave the browser": "Закрыть программу",
    "Paragraph": "Абзац",
    "Table": "Таблица",
    "Agreement": "Соглашение",
    "Source": "Источник",
    "Figure": "Цифра",
    "Section": "Раздел",
    "Timeline": "Хронология",
    "Reaction": "Реакция",
    "Briefing": "Справка-доклад",
    "Tab": "Вкладка",
    # -- status line ------------------------------------------------------------------------
    "This briefing has no agreements table.": "В этом докладе нет таблицы соглашений.",
    "No further history.": "Дальше истории нет.",
    "Showing every paragraph.": "Показаны все абзацы.",
    "Showing only paragraphs that cite no source (u: show all).": (
        "Показаны только абзацы без источников (u: показать все)."
    ),
    "Showing paragraphs citing {title} (f: change, u/f: clear).": (
        "Показаны абзацы, ссылающиеся на {title} (f: сменить, u/f: сбросить)."
    ),
    "Nothing to jump to for {label}.": "Для {label} переходить некуда.",
    "No search results: press / to search.": "Результатов поиска нет: нажмите / для поиска.",
    "Match {n}: {at}  (n/N: next/previous)": ("Совпадение {n}: {at}  (n/N: следующее/предыдущее)"),
    " — wrapped to the first match": " — снова с первого совпадения",
    " — wrapped to the last match": " — снова с последнего совпадения",
    "Search marks cleared.": "Отметки поиска убраны.",
    "This source has no link.": "У этого источника нет ссылки.",
    "No link to copy: no source here has one.": (
        "Копировать нечего: здесь ни у одного источника нет ссылки."
    ),
    "Copied the link: {url}": "Ссылка скопирована: {url}",
    "Copied {n} link, one per line.": (
        "Скопирована {n} ссылка, по одной в строке.",
        "Скопированы {n} ссылки, по одной в строке.",
        "Скопировано {n} ссылок, по одной в строке.",
    ),
    # -- sources pane and tab ---------------------------------------------------------------
    "Move the cursor onto a paragraph or an agreement.": (
        "Наведите курсор на абзац или соглашение."
    ),
    "Sources for ": "Источники: ",
    "No source cited: analyst's assessment": "Источник не указан: оценка аналитика",
    "In the text": "В тексте",
    "Cited by {n}": "Ссылки ({n})",
    "  cited by {n}": "  ссылок: {n}",
    "Outlets: ": "Издания: ",
    "Publisher: ": "Издатель: ",
    "published {date}": "опубликовано {date}",
    "accessed {date}": "дата обращения {date}",
    "in report list": "в списке доклада",
    "cited in text only": "только в тексте",
    ": no paragraph or agreement cites it": ": ни один абзац или соглашение на него не ссылается",
    "{n} paragraph": ("{n} абзац", "{n} абзаца", "{n} абзацев"),
    "{n} agreement": ("{n} соглашение", "{n} соглашения", "{n} соглашений"),
    "{n} table": ("{n} таблица", "{n} таблицы", "{n} таблиц"),
    # -- report, outline, overview ----------------------------------------------------------
    "  {sourced} of {count} paragraphs sourced": "  абзацев с источником: {sourced} из {count}",
    " · {shown} shown": " · показано {shown}",
    "No paragraph matches this filter.": "Ни один абзац не подходит под фильтр.",
    "\n   {sourced} of {total} sourced": "\n   с источником: {sourced} из {total}",
    "This briefing has no key figures, timeline or reactions.": (
        "В этом докладе нет ключевых цифр, хронологии и реакций."
    ),
    "✎ editorial": "✎ от редакции",
    "✎ editorial note": "✎ примечание редакции",
    "summary": "краткое изложение",
    "numbers picked from the text": "цифры выбраны из текста",
    "dates and wording ours": "даты и формулировки наши",
    "stances and summaries ours": "оценки позиций и изложение наши",
    # -- agreements table -------------------------------------------------------------------
    "Key figure": "Ключевая цифра",
    "Src": "Ист.",
    "all": "все",
    "report order": "порядок доклада",
    "{shown} of {total}": "{shown} из {total}",
    "  none match: a/t change the filters": "  ничего не подходит: a/t меняют фильтры",
    # -- search, picker, filters ------------------------------------------------------------
    'search: words, "a phrase", -word, source:… (Esc closes)': (
        'поиск: слова, "фраза", -слово, source:… (Esc — закрыть)'
    ),
    "  ·  status: ": "  ·  статус: ",
    "Figures": "Цифры",
    "Sources ({n})": "Источники ({n})",
    "Attributed to": "Со слов",
    "Esc/q/Enter close": "Esc/q/Enter — закрыть",
    # -- search results --------------------------------------------------------------------
    "Indexing… results will follow.": "Индексация… результаты появятся позже.",
    "{n} hit": ("{n} результат", "{n} результата", "{n} результатов"),
    " (first {shown} shown)": " (показаны первые {shown})",
    "Pasted text cut to fit the search box ({limit} characters at most).": (
        "Вставленный текст обрезан под поле поиска (не больше {limit} символов)."
    ),
    "filter…": "фильтр…",
    "{n} briefing — type to filter, Enter opens": (
        "{n} доклад — печатайте для фильтра, Enter открывает",
        "{n} доклада — печатайте для фильтра, Enter открывает",
        "{n} докладов — печатайте для фильтра, Enter открывает",
    ),
    "  (loading {done} of {total}…)": "  (загружено {done} из {total}…)",
    "  (first {shown} shown)": "  (показаны первые {shown})",
    "All paragraphs (clear the filter)": "Все абзацы (сбросить фильтр)",
    "Show only paragraphs citing…": "Показать только абзацы, ссылающиеся на…",
    "  ({n} paragraph)": ("  ({n} абзац)", "  ({n} абзаца)", "  ({n} абзацев)"),
    # -- errors and notices -----------------------------------------------------------------
    "Could not load the library": "Не удалось загрузить библиотеку",
    "The library holds no briefing.": "В библиотеке нет ни одного доклада.",
    "No briefing could be opened": "Не удалось открыть ни один доклад",
    "This briefing could not be opened": "Этот доклад не удалось открыть",
    "{n} briefing could not be opened": (
        "Не удалось открыть {n} доклад",
        "Не удалось открыть {n} доклада",
        "Не удалось открыть {n} докладов",
    ),
    "Something went wrong": "Что-то пошло не так",
    "q quits": "q — выход",
    "Escape continues · q quits": "Escape — продолжить · q — выход",
    "Terminal too small": "Окно терминала слишком мало",
    "needs {size}": "нужно {size}",
    "Loading briefings…": "Загрузка докладов…",
    "Link: {url}": "Ссылка: {url}",
    "Not opened on the server": "На сервере не открывается",
    "Not available in secure mode.": "Недоступно в защищённом режиме.",
    "Input is arriving faster than it can be handled: some keys were ignored.": (
        "Ввод поступает быстрее, чем обрабатывается: часть нажатий пропущена."
    ),
    "... and {count} more (briefing validate)": "... и ещё {count} (briefing validate)",
    "Not reloaded: the changed files do not validate": (
        "Не перезагружено: изменённые файлы не проходят проверку"
    ),
    "Reloaded {id}": "Перезагружено: {id}",
    "All your notes": "Все ваши заметки",
    "Copy a citation to your clipboard": "Скопировать цитату в буфер обмена",
    "Go to a mark (then its letter; ' again: back)": (
        "Перейти к метке (затем её буква; ещё раз ': назад)"
    ),
    "Mark this place (then a letter)": "Отметить это место (затем буква)",
    "Next change since you last read": "Следующее изменение с последнего чтения",
    "Note": "Заметка",
    "Previous change since you last read": "Предыдущее изменение с последнего чтения",
    "Write or edit your note here": "Напишите или измените заметку здесь",
    "Your marks, notes and citations": "Ваши метки, заметки и цитаты",
    "last read {when} UTC": "прочитано {when} UTC",
    "updated since": "обновлено с тех пор",
    " · showing results for ": " · показаны результаты для ",
    " · did you mean ": " · возможно, имелось в виду ",
    " · Enter jumps, ↑↓ choose": " · Enter — перейти, ↑↓ — выбрать",
    "Back at {label}, where you left off.": "Снова на {label}, где вы остановились.",
    "Copied a citation of {where} to your terminal's clipboard.": (
        "Цитата {where} скопирована в буфер обмена вашего терминала."
    ),
    "First time you read this briefing: nothing is marked as changed.": (
        "Вы читаете эту справку впервые: изменения не отмечены."
    ),
    "Mark {letter} NOT saved.": "Метка {letter} НЕ сохранена.",
    "Mark {letter} set on {where} (' {letter} returns).": (
        "Метка {letter} поставлена на {where} (' {letter} возвращает)."
    ),
    "Move onto a paragraph, agreement or source to copy a citation.": (
        "Чтобы скопировать цитату, встаньте на абзац, соглашение или источник."
    ),
    "No jump to return from yet: ' + a letter jumps to a mark.": (
        "Возвращаться пока неоткуда: ' и буква переходят к метке."
    ),
    "No mark chosen.": "Метка не выбрана.",
    "No mark set.": "Метка не поставлена.",
    "No mark {letter}: m {letter} sets one.": "Метки {letter} нет: m {letter} ставит её.",
    "No note written.": "Заметка не написана.",
    "Note NOT deleted.": "Заметка НЕ удалена.",
    "Note NOT saved.": "Заметка НЕ сохранена.",
    "Note deleted.": "Заметка удалена.",
    "Note saved.": "Заметка сохранена.",
    "Notes and marks are off in this session (--no-state).": (
        "Заметки и метки в этом сеансе отключены (--no-state)."
    ),
    "Notes and marks are read-only in this session: nothing new is saved.": (
        "Заметки и метки в этом сеансе только для чтения: новое не сохраняется."
    ),
    "Nothing changed since you last read this briefing.": (
        "С вашего последнего чтения в справке ничего не изменилось."
    ),
    "Nothing under the cursor to mark.": "Под курсором нечего отметить.",
    "Nothing under the cursor to write a note on.": "Под курсором нет ничего для заметки.",
    "the item changed since this note": "элемент изменился после этой заметки",
    "the item is no longer in the briefing": "элемента больше нет в справке",
    "briefing not loaded": "справка не загружена",
    "Your notes: {count} · Enter jumps · Escape closes": (
        "Ваши заметки: {count} · Enter — перейти · Escape — закрыть"
    ),
    "No notes yet: press A on a paragraph, agreement or source to write one.": (
        "Заметок пока нет: нажмите A на абзаце, соглашении или источнике, чтобы написать."
    ),
    "Note on {where}": "Заметка к {where}",
    "your note (Enter saves; empty deletes; Escape cancels)": (
        "ваша заметка (Enter — сохранить; пустая — удалить; Escape — отмена)"
    ),
    "Enter saves · an empty note deletes it · Escape cancels": (
        "Enter — сохранить · пустая заметка удаляется · Escape — отмена"
    ),
    "Your note": "Ваша заметка",
    "note": "заметка",
    "changed since you last read": "изменилось с вашего последнего чтения",
    "new since you last read": "новое с вашего последнего чтения",
    "written before the paragraph changed": "написана до изменения абзаца",
    "written before this item changed": "написана до изменения элемента",
    "Change {n}/{total}: {where} {what} (c/C)": "Изменение {n}/{total}: {where} — {what} (c/C)",
    "Still comparing with your last read…": "Ещё сравниваю с вашим последним чтением…",
    "{n} item changed since you last read (c).": (
        "{n} элемент изменился с вашего последнего чтения (c).",
        "{n} элемента изменились с вашего последнего чтения (c).",
        "{n} элементов изменились с вашего последнего чтения (c).",
    ),
}
