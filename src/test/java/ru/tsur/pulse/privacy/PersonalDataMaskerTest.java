package ru.tsur.pulse.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskerTest {

    private final PersonalDataMasker masker = new PersonalDataMasker();

    // ------------------------------------------------------------------ phones

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Позвоните мне по номеру +7 921 000-00-00, Иванова Мария Петровна | Позвоните мне по номеру [телефон], [ФИО]
            Мой телефон 8(4712)51-23-45, звоните после 18:00 | Мой телефон [телефон], звоните после 18:00
            Номер для связи 89211234567. | Номер для связи [телефон].
            Связь: +7(921)1234567 или +79211234567 | Связь: [телефон] или [телефон]
            Горячая линия УК 8-800-555-35-35 не отвечает третий день | Горячая линия УК [телефон] не отвечает третий день
            Тел. 51-23-45, диспетчерская | Тел. [телефон], диспетчерская
            Диспетчер ЖЭУ 512-34-56 трубку не берёт | Диспетчер ЖЭУ [телефон] трубку не берёт
            звоните 921 123-45-67 или на домашний 8 (4712) 51 23 45 | звоните [телефон] или на домашний [телефон]
            Телефон сына 51 23 45, он всё объяснит | Телефон сына [телефон], он всё объяснит
            Брат живёт в Минске, его номер +375 29 123-45-67 | Брат живёт в Минске, его номер [телефон]
            """)
    void phonesAreMasked(String in, String expected) {
        assertThat(masker.mask(in)).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ e-mail and documents

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Ответ прошу направить на ivanov.petr-1978@mail.ru или petrova@почта.рф. | Ответ прошу направить на [e-mail] или [e-mail].
            Паспорт 38 04 123456 выдан ОВД Ленинского района г. Курска | Паспорт [документ] выдан ОВД Ленинского района г. Курска
            паспорт 3804123456, СНИЛС 123-456-789 01, ИНН 463201234567 | паспорт [документ], СНИЛС [документ], ИНН [документ]
            Паспорт серии 38 04 № 123456, выдан 12.01.2021 | Паспорт серии [документ], выдан 12.01.2021
            Мой СНИЛС: 12345678901, льгота не начислена | Мой СНИЛС: [документ], льгота не начислена
            Данные для проверки: 3804 123456 и 123-456-789 01 | Данные для проверки: [документ] и [документ]
            """)
    void emailsAndDocumentsAreMasked(String in, String expected) {
        assertThat(masker.mask(in)).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ names

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Прошу передать главе района Иванову Петру Сергеевичу мою жалобу | Прошу передать главе района [ФИО] мою жалобу
            Жалоба от Ивановой Марии Петровны, кв. 45 | Жалоба от [ФИО], кв. 45
            Мария Петровна Иванова, д. 12, кв. 45, подъезд 2 | [ФИО], д. 12, кв. 45, подъезд 2
            Уважаемый Сергей Николаевич! Когда уберут снег во дворе? | Уважаемый [ФИО]! Когда уберут снег во дворе?
            Звонила Тамара Ильинична из пятой квартиры, плачет | Звонила [ФИО] из пятой квартиры, плачет
            Спасибо Никите Ильичу за быстрый ремонт лифта | Спасибо [ФИО] за быстрый ремонт лифта
            Ответственный — Иванов И. И., тел. 8 (4712) 51-23-45 | Ответственный — [ФИО], тел. [телефон]
            Исполнитель Сидоренко И.И., срок до 20.05.2024 | Исполнитель [ФИО], срок до 20.05.2024
            И. И. Иванов обещал починить лифт до пятницы | [ФИО] обещал починить лифт до пятницы
            Передайте И.И. Иванову, что крыша опять течёт | Передайте [ФИО], что крыша опять течёт
            Сосед Петров Иван Иванович из кв. 12 затопил нас | Сосед [ФИО] из кв. 12 затопил нас
            Жительница Шевчук Ольга Николаевна просит вывезти мусор | Жительница [ФИО] просит вывезти мусор
            Иванова Мария, тел. 8-800-555-35-35 | [ФИО], тел. [телефон]
            Обращается Пётр Смирнов, пенсионер | Обращается [ФИО], пенсионер
            Заявитель: Кузнецова Анна Сергеевна, e-mail anna.k@yandex.ru | Заявитель: [ФИО], e-mail [e-mail]
            Встретился с Иваном Петровичем у подъезда, он обещал помочь | Встретился с [ФИО] у подъезда, он обещал помочь
            ИВАНОВ ИВАН ИВАНОВИЧ, тел 89211234567 | [ФИО], тел [телефон]
            Жалоба Петрову С. на соседей сверху | Жалоба [ФИО] на соседей сверху
            """)
    void namesAreMasked(String in, String expected) {
        assertThat(masker.mask(in)).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ negatives: must stay unchanged

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Во дворе дома 12 по ул. Ленина, кв. 45, с 12.01.2021 не вывозят мусор
            д. 12, кв. 45, подъезд 3, этаж 8 — в подвале вода с 08:30 утра
            На проспекте Ленина и улице Маршала Жукова не горят фонари
            Московский проспект, Приморский район: яма на дороге глубиной 30 см
            Администрация Льговского района не отвечает на обращения с 2019 года
            Заплатили 1 500 руб. за вывоз мусора, а в 2021 году — 15 000 руб.
            Перерасчёт на 12 345 678 руб. по дому 10-12-14 так и не сделан
            Собрание жильцов 12-01-21 в 10:30, индекс 305000, г. Курск
            Сегодня Управляющая компания опять не пришла. Вчера Горводоканал отключил воду.
            Ремонт на улице Сергея Есенина и у школы им. А.С. Пушкина не закончен
            Мой телефон +7 XXX XXX-XX-XX, паспорт XXXX XXXXXX, почта XXXX@XXXX.XX
            В Курске на Красной площади не убран снег, Губернатор обещал
            Обращение № 51-23-45 от 12.01.2024 зарегистрировано
            ул. Ленина Д. 5 кв. 3, Москвич стоит во дворе третий месяц
            Школа имени Ивана Петровича Павлова закрыта на ремонт
            ПРОШУ ПОМОЧЬ, НЕТ ВОДЫ УЖЕ ТРИ ДНЯ, ЖКХ НЕ ОТВЕЧАЕТ
            """)
    void ordinaryTextIsLeftUnchanged(String in) {
        assertThat(masker.mask(in)).isEqualTo(in);
    }

    @Test
    void nullAndEmptyAreReturnedAsTheyAre() {
        assertThat(masker.mask(null)).isNull();
        assertThat(masker.mask("")).isEqualTo("");
    }

    @Test
    void multiLineMessageKeepsLayout() {
        String in = "Добрый день!\nМеня зовут Смирнова Ольга Викторовна, живу по адресу ул. Гагарина, д. 7, кв. 3.\n"
                + "Телефон для связи: 8 921 000 00 00.\nСпасибо.";
        assertThat(masker.mask(in)).isEqualTo("Добрый день!\nМеня зовут [ФИО], живу по адресу ул. Гагарина, д. 7, кв. 3.\n"
                + "Телефон для связи: [телефон].\nСпасибо.");
    }

    @Test
    void maskingIsIdempotent() {
        String once = masker.mask("Иванова Мария Петровна, +7 921 000-00-00, ivanova@mail.ru, паспорт 3804 123456");
        assertThat(once).isEqualTo("[ФИО], [телефон], [e-mail], паспорт [документ]");
        assertThat(masker.mask(once)).isEqualTo(once);
    }

    @Test
    void isThreadSafe() throws Exception {
        String in = "Позвоните мне по номеру +7 921 000-00-00, Иванова Мария Петровна";
        String expected = "Позвоните мне по номеру [телефон], [ФИО]";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> jobs = new ArrayList<>();
            for (int j = 0; j < 8; j++) {
                jobs.add(() -> {
                    for (int k = 0; k < 2_000; k++) {
                        if (!expected.equals(masker.mask(in))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> f : pool.invokeAll(jobs)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Prints the single-thread throughput; does not assert on time (CI machines vary). */
    @Test
    void throughputIsPrinted() {
        String[] templates = {
                "Во дворе дома %d по ул. Ленина не убран снег, жители жалуются уже %d дней подряд, примите меры!",
                "Позвоните мне по номеру +7 921 %03d-%02d-00, Иванова Мария Петровна, кв. 45, хочу записаться.",
                "Администрация Льговского района не отвечает, заплатили %d руб. за вывоз мусора в %d году, ужас.",
                "Жалоба от Ивановой Марии Петровны, д. %d, кв. %d: течёт крыша, ivanova@mail.ru, ответьте.",
                "Ответственный Иванов И. И., тел. 8 (4712) 51-23-%02d, обещал до %d числа всё починить у нас.",
        };
        Random random = new Random(42);
        String[] texts = new String[10_000];
        long chars = 0;
        for (int i = 0; i < texts.length; i++) {
            texts[i] = String.format(templates[i % templates.length], random.nextInt(99) + 1, random.nextInt(99) + 1);
            chars += texts[i].length();
        }
        long sink = 0;
        for (int round = 0; round < 10; round++) { // warm-up (JIT)
            for (String t : texts) {
                sink += masker.mask(t).length();
            }
        }
        // Wall time suffers from other processes on a shared machine; the thread's CPU time does not.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int rounds = 8;
        double best = 0;
        long wall = 0;
        long cpu = 0;
        for (int round = 0; round < rounds; round++) {
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            for (String t : texts) {
                sink += masker.mask(t).length();
            }
            long took = System.nanoTime() - started;
            cpu += threads.getCurrentThreadCpuTime() - cpuStarted;
            wall += took;
            best = Math.max(best, texts.length / (took / 1e9));
        }
        long masked = (long) rounds * texts.length;
        System.out.printf("PersonalDataMasker, one thread, avg %d chars: %.0f texts/s per CPU-second, "
                        + "%.0f texts/s wall-clock average, %.0f texts/s best round%n",
                chars / texts.length, masked / (cpu / 1e9), masked / (wall / 1e9), best);
        assertThat(sink).isPositive();
    }
}
