package ru.tsur.pulse.privacy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the <em>display copy</em> of a resident's message: personal data is replaced by fixed placeholders,
 * everything else is returned character for character.
 *
 * <p>Why: the original text stays in PostgreSQL (it is needed to answer the resident), but the text that reaches
 * the control-room wall, WebSocket clients and logs is seen by many people who must not see who wrote it or how
 * to reach them. Only the masked copy may leave the storage layer.
 *
 * <p>What is masked, in this order (later passes never see what earlier passes replaced):
 * <ol>
 *   <li>e-mail addresses → {@value #EMAIL};</li>
 *   <li>documents → {@value #DOCUMENT}: a passport series/number after «паспорт»/«серия» («38 04 123456»,
 *       «3804 № 123456», «3804123456»), a SNILS after «СНИЛС» (11 digits, grouped or not) and any number written
 *       as «123-456-789 01», an INN of 10 or 12 digits after «ИНН», and the unmistakable «38 04 123456» /
 *       «3804 123456» shapes anywhere;</li>
 *   <li>phone numbers → {@value #PHONE}: +7/8/7 followed by exactly ten digits in any usual grouping
 *       («+7 921 000-00-00», «8(4712)51-23-45», «89211234567», «+7(921)1234567», «8-800-555-35-35»), other
 *       international numbers («+375 29 123-45-67»), ten-digit mobiles without prefix («921 123-45-67»),
 *       city numbers «123-45-67» always and «51-23-45» unless it reads as a date (dd-mm-yy) without a phone word
 *       nearby, and «51 23 45» / «512345» right after a phone word («тел.», «телефон», «звоните»…);</li>
 *   <li>person names → {@value #NAME}: «Фамилия Имя Отчество», «Имя Отчество Фамилия», «Имя Отчество»
 *       (the patronymic is recognised by its suffix -ович/-евич/-ич/-овна/-евна/-ична in every case form),
 *       initials «Иванов И. И.», «И.И. Иванову» (one initial, «Иванова А.», «А. Иванов», only with a typical
 *       surname ending), and «Имя Фамилия» / «Фамилия Имя» when the first name is a known Russian first name and
 *       the surname has a typical ending (-ов, -ев, -ин, -ский, …). Words in capitals («ИВАНОВ ИВАН ИВАНОВИЧ»)
 *       count too, but only with those endings, so abbreviations («ЖКХ», «МВД») never match.</li>
 * </ol>
 *
 * <p>What is deliberately left alone: house and flat numbers, dates, times, years, sums, postal codes, street and
 * place names («проспект Ленина», «Московский проспект», «Администрация Льговского района»), capitalised words
 * at the start of a sentence, name-like sequences right after a street/«имени» marker («ул. Сергея Есенина»,
 * «школа им. А.С. Пушкина») and masks a portal already applied («+7 XXX XXX-XX-XX», «XXXX XXXXXX»).
 *
 * <p>The class is stateless and thread-safe; all patterns are compiled once. Text without long digit runs or
 * capitalised words costs a couple of character scans; regexes run only near digits and phone words.
 */
public final class PersonalDataMasker {

    public static final String PHONE = "[телефон]";
    public static final String EMAIL = "[e-mail]";
    public static final String DOCUMENT = "[документ]";
    public static final String NAME = "[ФИО]";

    private static final String SP = "[ \\u00A0]";
    private static final String SEP = "[ \\u00A0\\-()]";

    // ================================================================ patterns

    private static final Pattern EMAIL_PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+\\-])([\\p{L}\\p{N}._%+\\-]+)@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*\\.\\p{L}{2,}"
                    + "(?![\\p{L}\\p{N}])");

    private static final String PASSPORT_NUMBER =
            "\\d{2}" + SP + "?\\d{2}" + SP + "*,?" + SP + "*(?:(?:№|N|номер|ном\\.|н\\.)" + SP + "*)?\\d{6}";
    /** «паспорт … 38 04 123456», «серия 3804 номер 123456»: group 1 stays visible, group 2 is masked. */
    private static final Pattern PASSPORT_IN_CONTEXT = Pattern.compile(
            "(?iu)((?<!\\p{L})(?:паспорт\\p{L}*|сери[яиюей]{1,2})(?!\\p{L})[^\\d\\n!?]{0,40}?)"
                    + "(?<!\\d)(" + PASSPORT_NUMBER + ")(?!\\d)");
    private static final Pattern SNILS_IN_CONTEXT = Pattern.compile(
            "(?iu)((?<!\\p{L})снилс\\p{L}*(?!\\p{L})[^\\d\\n!?]{0,40}?)"
                    + "(?<!\\d)(\\d{3}[- \\u00A0]?\\d{3}[- \\u00A0]?\\d{3}[- \\u00A0]?\\d{2})(?!\\d)");
    private static final Pattern INN_IN_CONTEXT = Pattern.compile(
            "(?u)((?<!\\p{L})(?:ИНН|Инн|инн)(?!\\p{L})[^\\d\\n!?]{0,40}?)(?<!\\d)(\\d{12}|\\d{10})(?!\\d)");

    /** Words that make a nearby short number a phone («тел.», «телефон», «звоните», «моб.», «WhatsApp»…). */
    private static final String PHONE_WORD =
            "(?<!\\p{L})(?:тел(?:ефон\\p{L}*)?|моб(?:ильн\\p{L}*)?|сот(?:ов\\p{L}*)?|(?:по|до|пере)?звон\\p{L}*"
                    + "|whatsapp|ватсап\\p{L}*|вотсап\\p{L}*|viber|вайбер\\p{L}*|telegram|телеграм\\p{L}*)(?!\\p{L})";
    private static final String[] PHONE_WORD_STEMS = {
            "тел", "моб", "сот", "звон", "whatsapp", "ватсап", "вотсап", "viber", "вайбер", "telegram"};
    private static final Pattern PHONE_WORD_OR_NUMBER_WORD = Pattern.compile(
            "(?iu)" + PHONE_WORD + "|(?<!\\p{L})номер\\p{L}*");
    private static final String NOT_MONEY =
            "(?!" + SP + "*(?:руб|р\\.|₽|тыс|млн|млрд|коп|%|г\\.|год))";
    /** A phone word, then (no other digits in between) «51 23 45», «512 34 56» or «512345»: group 2 is masked. */
    private static final Pattern PHONE_AFTER_WORD = Pattern.compile(
            "(?iu)(" + PHONE_WORD + "[^\\d\\n]{0,20}?)(?<![\\d\\-])(\\d{2,3}" + SP + "\\d{2}" + SP + "\\d{2}|\\d{5,7})"
                    + "(?![\\d\\-])" + NOT_MONEY);

    /**
     * Every shape of number that is personal by itself, as one alternation (one scan instead of six):
     * SNILS «123-456-789 01»; phones +7/8/7 + exactly ten digits, other international numbers, ten-digit mobiles
     * «921 123-45-67»; city numbers «123-45-67» / «51-23-45» (the latter checked against dates in code);
     * passport shapes «38 04 123456», «3804 123456».
     */
    private static final Pattern NUMBER_SHAPES = Pattern.compile(
            "(?<snils>(?<![\\d\\-])\\d{3}-\\d{3}-\\d{3}[- \\u00A0]\\d{2}(?![\\d\\-]))"
                    + "|(?<phone>(?<![\\d+\\p{L}])(?:\\+" + SP + "?7|8|7(?=[ \\u00A0\\-]?\\(?9))(?:" + SEP + "{0,3}\\d){10}"
                    + "(?!\\d)" + NOT_MONEY
                    + "|(?<![\\d+\\p{L}])\\+" + SP + "?(?!7)\\d{1,3}(?:" + SEP + "{0,3}\\d){7,12}(?!\\d)"
                    + "|(?<![\\d+\\-\\p{L}])(?:\\(9\\d{2}\\)" + SP + "?|9\\d{2}[ \\u00A0\\-]?)\\d{3}[ \\u00A0\\-]?\\d{2}"
                    + "[ \\u00A0\\-]?\\d{2}(?![\\d\\-])" + NOT_MONEY + ")"
                    + "|(?<local>(?<![\\d\\-.,:/+])(?<!№[ \\u00A0]{0,2})(?<la>\\d{2,3})-(?<lb>\\d{2})-\\d{2}(?![\\d\\-]))"
                    + "|(?<passport>(?<![\\d\\-+])(?:\\d{2}" + SP + "\\d{2}|\\d{4})" + SP + "(?:№" + SP + "*)?\\d{6}"
                    + "(?![\\d\\-]))");

    // ================================================================ word lists for names

    private static final Set<String> PATRONYMIC_ENDINGS = endings(
            new String[] {"ич"}, "", "а", "у", "ем", "ом", "е");
    private static final Set<String> FEMALE_PATRONYMIC_ENDINGS = endings(
            new String[] {"овн", "евн", "ичн"}, "а", "ы", "е", "у", "ой", "ою");
    private static final Set<String> SURNAME_ENDINGS = union(
            endings(new String[] {"ов", "ев", "ин", "ын"}, "", "а", "у", "ым", "ой", "ою", "ом", "е", "ы", "ых", "ыми"),
            endings(new String[] {"ск", "цк"}, "ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ие", "их"),
            Set.of("енко", "ук", "юк", "ян", "янц", "дзе", "швили", "ых", "их"));
    private static final Set<String> VERB_ENDINGS = Set.of(
            "л", "ла", "ли", "ло", "ет", "ит", "ут", "ют", "ат", "ят", "ете", "ите", "йте", "ешь", "ишь", "ся", "сь",
            "у", "ю");
    /** Beginnings of titles, forms of address and common words that are never a surname or a first name. */
    private static final String[] STOP_PREFIXES = {
            "многоуважаем", "уважаем", "дорог", "господ", "госпож", "гражданк", "товарищ", "жител", "сосед",
            "депутат", "мэр", "губернатор", "директор", "начальник", "председател", "заявител", "руководител",
            "сотрудник", "прошу", "просим", "помогите", "спасибо", "благодар", "здравствуй", "добр", "привет",
            "администрац", "управ", "район", "улиц", "проспект", "город", "област"};
    private static final Set<String> STOP_WORDS = Set.of(
            "гражданин", "гражданина", "гражданину", "гражданином", "гражданине",
            "господин", "господина", "господину", "господином", "господине",
            "глава", "главы", "главе", "главу", "главой",
            "мужчина", "мужчины", "мужчине", "мужчину", "женщина", "женщины", "женщине", "женщину",
            "снова", "слова", "слово", "готов", "готова", "готовы", "здоров", "здорова", "основа", "основе",
            "один", "одна", "одну", "одной", "сын", "сына", "сыну", "сыном", "сыне",
            "машина", "машины", "машину", "магазин", "магазина", "магазине", "причина", "причины", "половина",
            "вина", "картина", "кабина", "годовщина", "суров", "сурово", "новы", "каков", "какова", "таков", "такова");
    /** Prepositions after which a capitalised word without a surname ending is a place («в Курске»). */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of(
            "в", "во", "на", "из", "под", "над", "за", "до", "по", "около", "возле");
    /** Street, square, «имени»… right before a name-like sequence: a place or a namesake, not the writer. */
    private static final Set<String> PLACE_MARKERS = Set.of(
            "ул", "пр", "просп", "пр-т", "пр-кт", "пер", "пл", "б-р", "бул", "наб", "ш", "шоссе", "туп", "мкр", "им",
            "имени", "ст", "метро", "пос", "пгт", "г", "село", "дер");
    private static final String[] PLACE_MARKER_PREFIXES = {
            "улиц", "проспект", "переул", "площад", "бульвар", "набережн", "проезд", "тупик", "микрорайон", "сквер",
            "парк", "памятник", "станци", "остановк", "посел", "город", "деревн"};

    private static final Set<String> FIRST_NAMES = buildFirstNames(
            // male
            "Александр", "Алексей", "Анатолий", "Андрей", "Антон", "Аркадий", "Арсений", "Артём", "Артур", "Богдан",
            "Борис", "Вадим", "Валентин", "Валерий", "Василий", "Вениамин", "Виктор", "Виталий", "Владимир",
            "Владислав", "Всеволод", "Вячеслав", "Гавриил", "Геннадий", "Георгий", "Герман", "Глеб", "Григорий",
            "Даниил", "Данил", "Денис", "Дмитрий", "Евгений", "Егор", "Ефим", "Захар", "Иван", "Игнат", "Игорь",
            "Илья", "Иннокентий", "Иосиф", "Кирилл", "Константин", "Кузьма", "Лев", "Леонид", "Макар", "Максим",
            "Марк", "Матвей", "Михаил", "Никита", "Николай", "Олег", "Павел", "Пётр", "Платон", "Родион", "Роман",
            "Ростислав", "Руслан", "Савелий", "Святослав", "Семён", "Сергей", "Станислав", "Степан", "Тимофей",
            "Тимур", "Фёдор", "Филипп", "Эдуард", "Юрий", "Яков", "Ярослав", "Ринат", "Марат", "Рустам", "Ильдар",
            "Айдар", "Рамиль", "Азат", "Тагир", "Шамиль", "Альберт", "Эльдар", "Арсен", "Ахмед", "Магомед", "Мурат",
            "Нурлан", "Радик", "Фарид", "Ильнур",
            // female
            "Александра", "Алина", "Алла", "Алёна", "Алиса", "Анастасия", "Ангелина", "Анна", "Антонина",
            "Валентина", "Валерия", "Вера", "Вероника", "Виктория", "Галина", "Дарья", "Диана", "Евгения",
            "Екатерина", "Елена", "Елизавета", "Жанна", "Зинаида", "Зоя", "Инна", "Ирина", "Карина", "Кристина",
            "Ксения", "Лариса", "Лидия", "Любовь", "Людмила", "Маргарита", "Марина", "Мария", "Надежда", "Наталья",
            "Наталия", "Нина", "Оксана", "Олеся", "Ольга", "Полина", "Раиса", "Светлана", "София", "Софья",
            "Таисия", "Тамара", "Татьяна", "Ульяна", "Эльвира", "Юлия", "Яна", "Гульнара", "Альбина", "Лилия",
            "Регина", "Эльмира", "Динара", "Фаина", "Клавдия", "Евдокия", "Валерия", "Милана", "Варвара",
            "Василиса", "Виолетта", "Снежана", "Эмма", "Нелли", "Римма", "Гузель", "Лейла");

    /** Returns the display copy of {@code text}; {@code null} and empty strings are returned as they are. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        if (s.indexOf('@') >= 0) {
            s = maskEmails(s);
        }
        int digits = countDigits(s);
        if (digits >= 5) {
            String lower = s.toLowerCase(Locale.ROOT); // same offsets as s for Cyrillic and Latin text
            if (digits >= 10) {
                if (lower.contains("паспорт") || lower.contains("сери")) {
                    s = replaceGroup2(PASSPORT_IN_CONTEXT, s, DOCUMENT);
                }
                if (lower.contains("снилс")) {
                    s = replaceGroup2(SNILS_IN_CONTEXT, s, DOCUMENT);
                }
                if (lower.contains("инн")) {
                    s = replaceGroup2(INN_IN_CONTEXT, s, DOCUMENT);
                }
            }
            if (hasShortNumber(s)) {
                s = maskPhonesAfterWords(s, lower.length() == s.length() ? lower : s.toLowerCase(Locale.ROOT));
            }
            s = maskNumberShapes(s);
        }
        if (hasCyrillicCapital(s)) {
            s = maskNames(s);
        }
        return s;
    }

    // ================================================================ e-mail and numbers

    private static String maskEmails(String s) {
        Matcher m = EMAIL_PATTERN.matcher(s);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            if (isPortalMask(s, m.start(1), m.end(1))) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, last, m.start()).append(EMAIL);
            last = m.end();
        }
        return finish(s, out, last);
    }

    /** «XXXX», «xxx», «ХХХ», «***»: a mask the portal has already applied. */
    private static boolean isPortalMask(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != 'X' && c != 'x' && c != 'Х' && c != 'х' && c != '*') {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@link #NUMBER_SHAPES} only over "number islands" — digits joined by at most three spaces, hyphens,
     * brackets or «№» — that hold at least six digits, so ordinary text costs one character scan.
     */
    private static String maskNumberShapes(String s) {
        Matcher m = null;
        StringBuilder out = null;
        int last = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            int digits = 0;
            int j = i;
            while (j < n) {
                char c = s.charAt(j);
                if (isDigit(c)) {
                    digits++;
                    end = ++j;
                } else if (j - end < 3 && (c == ' ' || c == '\u00A0' || c == '-' || c == '(' || c == ')' || c == '№')) {
                    j++;
                } else {
                    break;
                }
            }
            i = end;
            if (digits < 6) {
                continue;
            }
            if (m == null) {
                m = NUMBER_SHAPES.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(Math.max(last, start - 3), end);
            while (m.find()) {
                if (m.start("local") >= 0 && m.group("la").length() == 2) {
                    int a = Integer.parseInt(m.group("la"));
                    int b = Integer.parseInt(m.group("lb"));
                    boolean looksLikeDate = a >= 1 && a <= 31 && b >= 1 && b <= 12;
                    if (looksLikeDate && !phoneWordBefore(s, m.start())) {
                        continue;
                    }
                }
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(s, last, m.start()).append(m.start("snils") >= 0 || m.start("passport") >= 0 ? DOCUMENT : PHONE);
                last = m.end();
            }
        }
        return finish(s, out, last);
    }

    /**
     * {@link #PHONE_AFTER_WORD} tried only where a phone word occurs ({@code indexOf} on the lower-case copy),
     * instead of at every position of the text.
     */
    private static String maskPhonesAfterWords(String s, String lower) {
        if (lower.length() != s.length()) { // exotic case mapping changed offsets: plain scan
            return replaceGroup2(PHONE_AFTER_WORD, s, PHONE);
        }
        Matcher m = null;
        int[] spans = null;
        int count = 0;
        for (String stem : PHONE_WORD_STEMS) {
            for (int idx = lower.indexOf(stem); idx >= 0; idx = lower.indexOf(stem, idx + 1)) {
                if (m == null) {
                    m = PHONE_AFTER_WORD.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
                }
                for (int back = 0; back <= 4 && back <= idx; back += 2) { // «звоните», «позвоните», «перезвоните»
                    m.region(idx - back, s.length());
                    if (m.lookingAt()) {
                        if (spans == null) {
                            spans = new int[8];
                        } else if (count * 2 == spans.length) {
                            spans = Arrays.copyOf(spans, spans.length * 2);
                        }
                        spans[count * 2] = m.start(2);
                        spans[count * 2 + 1] = m.end(2);
                        count++;
                        break;
                    }
                }
            }
        }
        if (count == 0) {
            return s;
        }
        if (count > 1) { // sort by start (tiny arrays: insertion sort)
            for (int a = 1; a < count; a++) {
                int st = spans[a * 2];
                int en = spans[a * 2 + 1];
                int b = a - 1;
                while (b >= 0 && spans[b * 2] > st) {
                    spans[(b + 1) * 2] = spans[b * 2];
                    spans[(b + 1) * 2 + 1] = spans[b * 2 + 1];
                    b--;
                }
                spans[(b + 1) * 2] = st;
                spans[(b + 1) * 2 + 1] = en;
            }
        }
        StringBuilder out = new StringBuilder(s.length());
        int last = 0;
        for (int a = 0; a < count; a++) {
            if (spans[a * 2] < last) {
                continue; // the same number found from two phone words
            }
            out.append(s, last, spans[a * 2]).append(PHONE);
            last = spans[a * 2 + 1];
        }
        return out.append(s, last, s.length()).toString();
    }

    private static boolean phoneWordBefore(String s, int pos) {
        Matcher w = PHONE_WORD_OR_NUMBER_WORD.matcher(s);
        w.region(Math.max(0, pos - 40), pos);
        return w.find();
    }

    /** Replaces group 2 of each match; group 1 (the keyword and what follows it) stays visible. */
    private static String replaceGroup2(Pattern p, String s, String placeholder) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int last = 0;
        do {
            out.append(s, last, m.start(2)).append(placeholder);
            last = m.end(2);
        } while (m.find());
        return out.append(s, last, s.length()).toString();
    }

    private static String finish(String s, StringBuilder out, int last) {
        return out == null ? s : out.append(s, last, s.length()).toString();
    }

    // ================================================================ names

    /**
     * Splits the text into capitalised Cyrillic words («Иванов», «Римский-Корсаков») and initials («И.»), then
     * looks for name shapes among tokens that follow each other with only a little horizontal space in between.
     */
    private static String maskNames(String s) {
        int len = s.length();
        int n = 0;
        int[] starts = new int[16];
        int[] ends = new int[16];
        int i = 0;
        while (i < len) {
            char c = s.charAt(i);
            if (!isCyrillicUpper(c) || (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '['))) {
                i++;
                continue;
            }
            int j = i + 1;
            if (j < len && s.charAt(j) == '.') {
                j++; // initial
            } else if (j < len && isCyrillicUpper(s.charAt(j))) { // ИВАНОВ: all capitals
                while (j < len && isCyrillicUpper(s.charAt(j))) {
                    j++;
                }
                if (j - i < 3 || (j < len && Character.isLetterOrDigit(s.charAt(j)))) {
                    i = j;
                    continue;
                }
            } else {
                while (j < len && isCyrillicLower(s.charAt(j))) {
                    j++;
                }
                if (j == i + 1) { // «ЖКХ», «МКД»: not a name word
                    i = j;
                    continue;
                }
                while (j + 2 < len && s.charAt(j) == '-' && isCyrillicLetter(s.charAt(j + 1))
                        && isCyrillicLower(s.charAt(j + 2))) {
                    j += 2;
                    while (j < len && isCyrillicLower(s.charAt(j))) {
                        j++;
                    }
                }
                if (j < len && Character.isLetterOrDigit(s.charAt(j))) {
                    i = j;
                    continue;
                }
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = i;
            ends[n] = j;
            n++;
            i = j;
        }
        if (n < 2) {
            return s;
        }
        Tokens t = new Tokens(s, starts, ends, n);
        StringBuilder out = null;
        int last = 0;
        int k = 0;
        while (k < n) {
            int end = t.nameEndingAt(k);
            if (end < 0) {
                k++;
                continue;
            }
            if (!t.placeMarkerBefore(k)) {
                if (out == null) {
                    out = new StringBuilder(len);
                }
                out.append(s, last, starts[k]).append(NAME);
                last = ends[end];
            }
            k = end + 1;
        }
        return finish(s, out, last);
    }

    /** Name-like tokens of one text; word properties are computed lazily. */
    private static final class Tokens {
        private static final int WORD = 0;
        private static final int INITIAL = 1;

        private final String s;
        private final int[] starts;
        private final int[] ends;
        private final int n;
        private final String[] lower;

        Tokens(String s, int[] starts, int[] ends, int n) {
            this.s = s;
            this.starts = starts;
            this.ends = ends;
            this.n = n;
            this.lower = new String[n];
        }

        /** Index of the last token of a person name that starts at token {@code i}, or -1. */
        int nameEndingAt(int i) {
            if (type(i) == INITIAL) {
                // И. И. Иванов / И.И. Иванову
                if (linked(i) && type(i + 1) == INITIAL && linked(i + 1) && type(i + 2) == WORD && !stop(i + 2)
                        && (!caps(i + 2) || surnameLike(i + 2))) {
                    return i + 2;
                }
                // А. Иванов (one initial: the surname must look like one)
                if (linked(i) && type(i + 1) == WORD && surnameLike(i + 1) && !stop(i + 1)) {
                    return i + 1;
                }
                return -1;
            }
            // Иванов И. И. / Иванов И.И. (unless the initials belong to the next word: «Звонил И.И. Иванов»)
            if (linked(i) && type(i + 1) == INITIAL && linked(i + 1) && type(i + 2) == INITIAL
                    && !(linked(i + 2) && type(i + 3) == WORD) && surnameBeforeInitials(i)) {
                return i + 2;
            }
            // Иванова А. (one initial, not an address «Ленина Д. 5», not the start of «А. Петров»)
            if (linked(i) && type(i + 1) == INITIAL && !(linked(i + 1) && type(i + 2) >= 0)
                    && surnameLike(i) && !stop(i) && !digitAfter(ends[i + 1])) {
                return i + 1;
            }
            if (!linked(i) || type(i + 1) != WORD) {
                return -1;
            }
            // Фамилия Имя Отчество
            if (linked(i + 1) && type(i + 2) == WORD && patronymic(i + 2) && !patronymic(i + 1)
                    && surnameBeforeName(i)) {
                return i + 2;
            }
            // Имя Отчество [Фамилия]
            if (!patronymic(i) && patronymic(i + 1) && firstNameSlot(i)) {
                if (linked(i + 1) && type(i + 2) == WORD && !patronymic(i + 2) && surnameAfterPatronymic(i + 2)) {
                    return i + 2;
                }
                return i + 1;
            }
            // Имя Фамилия
            if (firstName(i) && surnameLike(i + 1) && !stop(i + 1)) {
                return i + 1;
            }
            // Фамилия Имя (unless the first name starts «Имя Фамилия» with the next word: «Снова Иван Петров»)
            if (surnameLike(i) && !stop(i) && firstName(i + 1)
                    && !(linked(i + 1) && type(i + 2) == WORD && surnameLike(i + 2) && !stop(i + 2))) {
                return i + 1;
            }
            return -1;
        }

        private boolean surnameBeforeInitials(int i) {
            if (stop(i) || caps(i)) { // «ЖКХ И.И.»: capitals only with a surname ending
                return !stop(i) && surnameLike(i);
            }
            return surnameLike(i) || !verbLike(i) || !sentenceInitial(i);
        }

        /** The word before «Имя Отчество»: a surname ending, or (mid-sentence) a plausible word before a known name. */
        private boolean surnameBeforeName(int i) {
            if (stop(i)) {
                return false;
            }
            if (surnameLike(i)) {
                return true;
            }
            return !caps(i) && !sentenceInitial(i) && !verbLike(i) && !afterPlacePreposition(i) && firstName(i + 1);
        }

        /** The word before a patronymic: a known first name, or any mid-sentence capitalised word. */
        private boolean firstNameSlot(int i) {
            if (stop(i)) {
                return false;
            }
            return firstName(i) || (!caps(i) && !sentenceInitial(i) && !afterPlacePreposition(i) && !verbLike(i));
        }

        private boolean surnameAfterPatronymic(int k) {
            return !stop(k) && (surnameLike(k) || (!caps(k) && !verbLike(k)));
        }

        /** A word written in capitals only («ИВАНОВ», «ЖКХ»). */
        boolean caps(int k) {
            return type(k) == WORD && ends[k] - starts[k] > 1 && isCyrillicUpper(s.charAt(starts[k] + 1));
        }

        private boolean digitAfter(int pos) {
            int j = pos;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\u00A0')) {
                j++;
            }
            return j < s.length() && isDigit(s.charAt(j));
        }

        int type(int k) {
            if (k >= n) {
                return -1;
            }
            return s.charAt(ends[k] - 1) == '.' ? INITIAL : WORD;
        }

        /** Tokens k and k+1 are separated by at most three spaces (or nothing, right after an initial). */
        boolean linked(int k) {
            if (k + 1 >= n) {
                return false;
            }
            int gap = starts[k + 1] - ends[k];
            if (gap < (type(k) == INITIAL ? 0 : 1) || gap > 3) {
                return false;
            }
            for (int j = ends[k]; j < starts[k + 1]; j++) {
                char c = s.charAt(j);
                if (c != ' ' && c != '\u00A0' && c != '\t') {
                    return false;
                }
            }
            return true;
        }

        String lower(int k) {
            String l = lower[k];
            if (l == null) {
                l = normalise(s.substring(starts[k], ends[k]));
                lower[k] = l;
            }
            return l;
        }

        boolean patronymic(int k) {
            String l = lower(k);
            return l.length() >= 5 && l.indexOf('-') < 0
                    && (endsWithAny(l, PATRONYMIC_ENDINGS, 4) || endsWithAny(l, FEMALE_PATRONYMIC_ENDINGS, 5));
        }

        boolean firstName(int k) {
            return type(k) == WORD && FIRST_NAMES.contains(lower(k));
        }

        boolean surnameLike(int k) {
            return type(k) == WORD && lower(k).length() >= 4 && endsWithAny(lower(k), SURNAME_ENDINGS, 5);
        }

        boolean verbLike(int k) {
            return endsWithAny(lower(k), VERB_ENDINGS, 3);
        }

        boolean stop(int k) {
            String l = lower(k);
            return STOP_WORDS.contains(l) || (startsWithAny(l, STOP_PREFIXES) && !surnameLike(k));
        }

        /** Start of text, line or sentence; a full stop after a short abbreviation («ул.», «гр.») does not count. */
        boolean sentenceInitial(int k) {
            int j = starts[k] - 1;
            while (j >= 0 && " \t\u00A0«\"'(„“—–-*".indexOf(s.charAt(j)) >= 0) {
                j--;
            }
            if (j < 0) {
                return true;
            }
            char c = s.charAt(j);
            if (c == '.') {
                int a = j - 1;
                while (a >= 0 && j - a <= 4 && Character.isLowerCase(s.charAt(a))) {
                    a--;
                }
                int abbreviationLength = j - 1 - a;
                boolean abbreviation = abbreviationLength >= 1 && abbreviationLength <= 3
                        && (a < 0 || !Character.isLetter(s.charAt(a)));
                return !abbreviation;
            }
            return c == '\n' || c == '\r' || c == '!' || c == '?' || c == '…' || c == ':' || c == ';';
        }

        boolean afterPlacePreposition(int k) {
            String w = wordBefore(starts[k], false);
            return w != null && PLACE_PREPOSITIONS.contains(w);
        }

        boolean placeMarkerBefore(int k) {
            int j = starts[k] - 1;
            while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\u00A0')) {
                j--;
            }
            boolean dot = j >= 0 && s.charAt(j) == '.';
            String w = wordBefore(starts[k], true);
            if (w == null) {
                return false;
            }
            if (w.equals("с") || w.equals("д")) { // «с. Ивановка», «д. Петровка», but «с Иваном Петровичем»
                return dot;
            }
            return PLACE_MARKERS.contains(w) || startsWithAny(w, PLACE_MARKER_PREFIXES);
        }

        /** The lower-case word right before {@code pos} (spaces and, if allowed, one full stop in between). */
        private String wordBefore(int pos, boolean allowDot) {
            int j = pos - 1;
            while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\u00A0')) {
                j--;
            }
            if (allowDot && j >= 0 && s.charAt(j) == '.') {
                j--;
            }
            int e = j + 1;
            while (j >= 0 && e - j <= 12 && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '-')) {
                j--;
            }
            if (e - (j + 1) == 0 || (j >= 0 && Character.isLetter(s.charAt(j)))) {
                return null;
            }
            return normalise(s.substring(j + 1, e));
        }
    }

    // ================================================================ helpers

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether some run of digits, joined by single spaces or hyphens, has 5 to 9 digits («51 23 45», «512345»). */
    private static boolean hasShortNumber(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int digits = 0;
            int j = i;
            while (j < n) {
                char c = s.charAt(j);
                if (isDigit(c)) {
                    digits++;
                    j++;
                } else if ((c == ' ' || c == '\u00A0' || c == '-') && j + 1 < n && isDigit(s.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            if (digits >= 5 && digits <= 9) {
                return true;
            }
            i = j;
        }
        return false;
    }

    private static int countDigits(String s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static boolean isCyrillicUpper(char c) {
        return (c >= 'А' && c <= 'Я') || c == 'Ё';
    }

    private static boolean isCyrillicLower(char c) {
        return (c >= 'а' && c <= 'я') || c == 'ё';
    }

    private static boolean isCyrillicLetter(char c) {
        return isCyrillicUpper(c) || isCyrillicLower(c);
    }

    private static boolean hasCyrillicCapital(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isCyrillicUpper(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String s, String[] prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the last 1..maxLength characters of {@code word} (leaving at least two) is in {@code set}. */
    private static boolean endsWithAny(String word, Set<String> set, int maxLength) {
        int len = word.length();
        for (int k = 1; k <= maxLength && k <= len - 2; k++) {
            if (set.contains(word.substring(len - k))) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    private static Set<String> endings(String[] bases, String... tails) {
        Set<String> out = new HashSet<>();
        for (String b : bases) {
            for (String t : tails) {
                out.add(b + t);
            }
        }
        return Set.copyOf(out);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> out = new HashSet<>();
        for (Set<String> set : sets) {
            out.addAll(set);
        }
        return Set.copyOf(out);
    }

    /** All case forms of the given first names, normalised (lower case, ё → е). */
    private static Set<String> buildFirstNames(String... names) {
        Set<String> forms = new HashSet<>();
        for (String name : names) {
            String w = normalise(name);
            forms.add(w);
            String stem = w.substring(0, w.length() - 1);
            switch (w.charAt(w.length() - 1)) {
                case 'й' -> addAll(forms, stem, "я", "ю", "ем", "е", "и");
                case 'ь' -> addAll(forms, stem, "я", "ю", "ем", "е", "и", "ью");
                case 'я' -> addAll(forms, stem, "и", "е", "ю", "ей", "ею");
                case 'а' -> addAll(forms, stem, "ы", "и", "е", "у", "ой", "ою");
                case 'и' -> { } // Нелли: not declined
                default -> addAll(forms, switch (w) {
                    case "павел" -> "павл";
                    case "лев" -> "льв";
                    default -> w;
                }, "а", "у", "ом", "ем", "е");
            }
        }
        return Set.copyOf(forms);
    }

    private static void addAll(Set<String> forms, String stem, String... endings) {
        for (String e : endings) {
            forms.add(stem + e);
        }
    }
}
