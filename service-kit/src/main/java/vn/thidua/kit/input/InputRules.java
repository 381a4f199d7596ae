package vn.thidua.kit.input;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.thidua.contract.Text;

/**
 * The domain's value rules for everything that comes in (JSON bodies, path and query parameters),
 * in one place. The JSON reader ({@code vn.thidua.kit.json}) and the parameter converters call
 * these; a refusal is an {@link InvalidInputException}, answered as a 400 problem.
 */
public final class InputRules {
    /** The first year any request may name: nothing in the department's records is older. */
    public static final int MIN_YEAR = 1945;
    /** The last year any request may name. */
    public static final int MAX_YEAR = 2100;
    /** The earliest date any request may carry. */
    public static final LocalDate MIN_DATE = LocalDate.of(MIN_YEAR, 1, 1);
    /** The latest date any request may carry. */
    public static final LocalDate MAX_DATE = LocalDate.of(MAX_YEAR, 12, 31);

    /** A unit code: upper-case letters, digits, '-' and '_', e.g. TTR, VP, KH-TC (as in the event schemas). */
    public static final String UNIT_CODE = "^[A-Z0-9][A-Z0-9_-]{0,31}$";
    /** A member id: letters, digits, '.', '_' and '-', starting with a letter or digit. */
    public static final String MEMBER_ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    // Lengths of texts (in UTF-16 units, never more than the event schemas' maxLength); each field's @Size names one.
    /** Ids: campaign, plan, record, member. */
    public static final int ID_MAX = 64;
    /** Document numbers (plan, launch document), e.g. 108/KH-UBND. */
    public static final int NUMBER_MAX = 64;
    /** Names of people and their capacity or position; evidence document numbers. */
    public static final int NAME_MAX = 200;
    /** Names of units and plan issuers. */
    public static final int LONG_NAME_MAX = 300;
    /** A campaign's title. */
    public static final int CAMPAIGN_TITLE_MAX = 500;
    /** A plan's title. */
    public static final int PLAN_TITLE_MAX = 1000;
    /** A link given as evidence. */
    public static final int LINK_MAX = 2000;
    /** A participation record's description. */
    public static final int DESCRIPTION_MAX = 5000;
    /** A campaign's content. */
    public static final int CONTENT_MAX = 20000;
    /** Items in a list of a request (basis plans, recipient units). */
    public static final int LIST_MAX = 200;

    /** A date in a request: exactly {@code yyyy-MM-dd}, four-digit year, no sign. */
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private InputRules() {
    }

    /** The date written as {@code value}, or a refusal naming {@code field}. */
    public static LocalDate date(String field, String value) {
        if (value == null || !DATE.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be a date written yyyy-MM-dd, e.g. 2023-06-11");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value, STRICT_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "is not a day of the calendar (" + value + ")");
        }
        return checkDate(field, date);
    }

    /** A year written in a query (digits only) within {@link #MIN_YEAR} … {@link #MAX_YEAR}, or null when absent. */
    public static Integer year(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("^\\d{4}$") || Integer.parseInt(value) < MIN_YEAR || Integer.parseInt(value) > MAX_YEAR) {
            throw new InvalidInputException(parameter, "must be a year from " + MIN_YEAR + " to " + MAX_YEAR);
        }
        return Integer.parseInt(value);
    }

    /** {@code date} when it lies within {@link #MIN_DATE} … {@link #MAX_DATE}, else a refusal naming {@code field}. */
    public static LocalDate checkDate(String field, LocalDate date) {
        if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
            throw new InvalidInputException(field, "must be between " + MIN_DATE + " and " + MAX_DATE);
        }
        return date;
    }

    /** The constant of {@code type} named exactly {@code value} (no trimming, no case folding, no ordinals), or a refusal. */
    public static <E extends Enum<E>> E constant(String field, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidInputException(field, "must be one of " + constantNames(type));
    }

    /** The names of an enum's constants, as messages list them. */
    public static String constantNames(Class<? extends Enum<?>> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * A text as it may be stored: NFC-normalised. Refused when it holds a NUL or another control
     * character (tab, line feed and carriage return are allowed), a lone surrogate or a
     * non-character, or when it is made only of invisible characters (zero-width, bidi marks, other
     * format characters, with or without spaces).
     */
    public static String text(String field, String value) {
        if (value == null) {
            return null;
        }
        textProblem(value).ifPresent(reason -> {
            throw new InvalidInputException(field, reason);
        });
        return Text.nfc(value);
    }

    /** Why {@code value} is not acceptable text, if it is not. */
    public static Optional<String> textProblem(String value) {
        boolean visible = false;
        boolean invisible = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return Optional.of("must not contain the NUL character (\\u0000)");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = value.codePointAt(i);
                    i++;
                    if ((cp & 0xFFFE) == 0xFFFE) {
                        return Optional.of("must not contain a non-character (U+" + Integer.toHexString(cp).toUpperCase() + ")");
                    }
                    if (Character.getType(cp) == Character.FORMAT) {
                        invisible = true;
                    } else {
                        visible = true;
                    }
                    continue;
                }
                return Optional.of("must not contain a lone surrogate (broken UTF-16)");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("must not contain a lone surrogate (broken UTF-16)");
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("must not contain control characters (U+" + String.format("%04X", (int) c) + ")");
            }
            if (c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF')) {
                return Optional.of("must not contain a non-character (U+" + String.format("%04X", (int) c) + ")");
            }
            if (invisibleChar(c)) {
                invisible = true;
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                visible = true;
            }
        }
        if (invisible && !visible) {
            return Optional.of("must contain visible characters, not only invisible ones (zero-width or direction marks)");
        }
        return Optional.empty();
    }

    private static boolean invisibleChar(char c) {
        // format characters (zero-width space and joiners, bidi marks, BOM, soft hyphen) and the
        // fillers that render as nothing
        return Character.getType(c) == Character.FORMAT || c == '\u115F' || c == '\u1160' || c == '\u3164' || c == '\uFFA0'
                || c == '\u034F' || (c >= '\uFE00' && c <= '\uFE0F');
    }
}
