package ru.tsur.pulse.privacy;

/**
 * Makes the <em>display copy</em> of a resident's message: personal data is replaced by fixed placeholders,
 * everything else is returned character for character.
 *
 * <p>Why: the original text stays in PostgreSQL (it is needed to answer the resident), but the text that reaches
 * the control-room wall, WebSocket clients and logs is seen by many people who must not see who wrote it or how
 * to reach them. Only the masked copy may leave the storage layer.
 *
 * <p>One masker per kind of data, applied in this order; a later one never sees what an earlier one replaced:
 * <ol>
 *   <li>{@link Emails} → {@value #EMAIL}: first, so no later masker sees a piece of an address;</li>
 *   <li>{@link OnlineProfiles} → {@value #PROFILE}: «vk.com/…», «t.me/…», «ok.ru/…» links and «@handles»,
 *       before the numbers, so «vk.com/id55501234» is not read as a phone;</li>
 *   <li>{@link BirthDates} → {@value #BIRTH_DATE}: dates and years with a birth word or marker
 *       («д.р. 12.03.1954», «1938 г.р.»), before the number maskers;</li>
 *   <li>{@link Documents} → {@value #DOCUMENT}: passport, SNILS, INN and medical policy numbers after their words,
 *       and the SNILS and passport shapes anywhere; before cards, since a 16-digit policy number can pass Luhn;</li>
 *   <li>{@link BankAccounts} → {@value #ACCOUNT}: 20-digit accounts (after «р/с», «к/с», «счёт» or by their
 *       structure), personal accounts after «лицевой счёт» / «л/с», IBANs that pass mod 97;</li>
 *   <li>{@link CardNumbers} → {@value #CARD}: 13–19 digit runs that pass Luhn;</li>
 *   <li>{@link PhoneNumbers} → {@value #PHONE}: after every longer number is gone, so no piece of a card or an
 *       account is read as a phone;</li>
 *   <li>{@link PersonalNames} → {@value #NAME}: last, on text whose numbers are already placeholders.</li>
 * </ol>
 *
 * <p>What is deliberately left alone: house and flat numbers, dates of events, times, years, sums, postal codes,
 * case numbers, street and place names, officials' positions, organisation and brand names, capitalised words at
 * the start of a sentence, and masks a portal already applied («+7 XXX XXX-XX-XX», «XXXX XXXXXX»).
 *
 * <p>The word lists live in {@code src/main/resources/privacy/*.txt}, read once per process. The masker is
 * stateless and thread-safe; all patterns are compiled when it is built. Text without long digit runs or capitals
 * costs a few character scans.
 */
public final class PersonalDataMasker {

    public static final String PHONE = PhoneNumbers.PLACEHOLDER;
    public static final String EMAIL = Emails.PLACEHOLDER;
    public static final String DOCUMENT = Documents.PLACEHOLDER;
    public static final String NAME = PersonalNames.PLACEHOLDER;
    public static final String CARD = CardNumbers.PLACEHOLDER;
    public static final String ACCOUNT = BankAccounts.PLACEHOLDER;
    public static final String PROFILE = OnlineProfiles.PLACEHOLDER;
    public static final String BIRTH_DATE = BirthDates.PLACEHOLDER;

    private final Emails emails;
    private final OnlineProfiles onlineProfiles;
    private final BirthDates birthDates;
    private final Documents documents;
    private final BankAccounts bankAccounts;
    private final CardNumbers cardNumbers;
    private final PhoneNumbers phoneNumbers;
    private final PersonalNames personalNames;

    /** The masker with the word lists shipped under {@code privacy/}. */
    public PersonalDataMasker() {
        this(new Emails(),
                new OnlineProfiles(WordList.shipped("profile-sites"), WordList.shipped("community-paths")),
                new BirthDates(WordList.shipped("birth-date-words"), WordList.shipped("birth-date-verbs"),
                        WordList.shipped("birth-date-markers"), WordList.shipped("months")),
                new Documents(WordList.shipped("passport-words"), WordList.shipped("snils-words"),
                        WordList.shipped("inn-words"), WordList.shipped("medical-policy-words")),
                new BankAccounts(WordList.shipped("account-words"), WordList.shipped("personal-account-words"),
                        WordList.shipped("bank-account-currencies")),
                new CardNumbers(),
                new PhoneNumbers(WordList.shipped("phone-words"), WordList.shipped("phone-number-words"),
                        WordList.shipped("not-phone-number-words")),
                new PersonalNames(NameLexicon.cyrillic(), NameLexicon.latin(), WordList.shipped("place-prepositions"),
                        WordList.shipped("place-markers"), WordList.shipped("name-introducers")));
    }

    PersonalDataMasker(Emails emails, OnlineProfiles onlineProfiles, BirthDates birthDates, Documents documents,
                       BankAccounts bankAccounts, CardNumbers cardNumbers, PhoneNumbers phoneNumbers,
                       PersonalNames personalNames) {
        this.emails = emails;
        this.onlineProfiles = onlineProfiles;
        this.birthDates = birthDates;
        this.documents = documents;
        this.bankAccounts = bankAccounts;
        this.cardNumbers = cardNumbers;
        this.phoneNumbers = phoneNumbers;
        this.personalNames = personalNames;
    }

    /** Returns the display copy of {@code text}; {@code null} and empty strings are returned as they are. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = onlineProfiles.mask(emails.mask(text));
        int digits = TextMasking.countDigits(masked);
        if (digits >= 4) {
            String beforeNumbers = masked;
            String lower = WordList.normalize(masked); // one lower-case copy for every masker's look for its words
            masked = birthDates.mask(masked, lower);
            if (digits >= 5) {
                masked = documents.mask(masked, digits, lower);
                masked = bankAccounts.mask(masked, digits, lower);
                masked = cardNumbers.mask(masked, digits);
                // the same instance means nothing was replaced, so the lower-case copy still lines up offset for offset
                masked = phoneNumbers.mask(masked, masked == beforeNumbers ? lower : null);
            }
        }
        return personalNames.mask(masked);
    }
}
