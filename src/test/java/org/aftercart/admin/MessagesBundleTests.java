package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aftercart.conversations.ConversationChannel;
import org.aftercart.conversations.ConversationStatus;
import org.aftercart.conversations.ConversationTopic;
import org.aftercart.fulfillment.FulfillmentStatus;
import org.aftercart.notifications.MessageKind;
import org.aftercart.notifications.MessageStatus;
import org.aftercart.notifications.SendResult;
import org.aftercart.orders.ChangeKind;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.SalesChannel;
import org.aftercart.payments.PaymentTransaction;
import org.aftercart.platform.Languages;
import org.aftercart.returns.ItemCondition;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnStatus;
import org.aftercart.support.HelpTopic;
import org.aftercart.tracking.OrderDeliveryStatus;
import org.aftercart.tracking.TrackingStatus;
import org.junit.jupiter.api.Test;

/**
 * Every text the pages and the customer messages show exists in every language, and only keys that
 * exist are used: the console's in {@code messages*.properties}, the messages' (templates under
 * {@code templates/notifications/}) in {@code notifications*.properties}.
 */
class MessagesBundleTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Path MESSAGE_TEMPLATES = TEMPLATES.resolve("notifications");
    private static final Path CONSOLE_SOURCES = Path.of("src/main/java/org/aftercart/admin");

    /** {@code #{key}} or {@code #{key(${arg})}}: a literal key. */
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)\\s*[}(]");
    /** {@code #{'prefix.' + ${value}}}: a key made from a prefix and a value. */
    private static final Pattern KEY_PREFIX = Pattern.compile("#\\{'([A-Za-z0-9_.\\-]+)'\\s*\\+");
    /** {@code text.get("key", …)} in the console's controllers. */
    private static final Pattern JAVA_KEY = Pattern.compile("text\\.get\\(\\s*\"([A-Za-z0-9_.\\-]+)\"");

    /** The values that templates turn into keys, by key prefix. */
    private static final Map<String, List<String>> VALUE_KEYS = Map.ofEntries(
            Map.entry("order.status.", names(OrderStatus.values())),
            Map.entry("payment.status.", names(PaymentStatus.values())),
            Map.entry("channel.", names(SalesChannel.values())),
            Map.entry("fulfillment.status.", names(FulfillmentStatus.values())),
            Map.entry("payments.kind.", names(PaymentTransaction.Kind.values())),
            Map.entry("payments.status.", names(PaymentTransaction.Status.values())),
            Map.entry("journal.kind.", names(ChangeKind.values())),
            Map.entry("tracking.status.", names(TrackingStatus.values())),
            Map.entry("tracking.overall.", names(OrderDeliveryStatus.values())),
            Map.entry("message.status.", names(MessageStatus.values())),
            Map.entry("message.outcome.", names(SendResult.Outcome.values())),
            Map.entry("audit.outcome.", names(org.aftercart.platform.StaffAudit.Outcome.values())),
            Map.entry("message.channel.", List.of("EMAIL", "SMS", "WEBHOOK")),
            Map.entry("return.status.", names(ReturnStatus.values())),
            Map.entry("return.method.", names(ReturnMethod.values())),
            Map.entry("return.channel.", names(ReturnChannel.values())),
            Map.entry("return.outcome.", names(ReturnOutcome.values())),
            Map.entry("return.condition.", names(ItemCondition.values())),
            Map.entry(
                    "returns.tab.",
                    Arrays.stream(ReturnTab.values()).map(ReturnTab::slug).toList()),
            Map.entry(
                    "help.topic.",
                    Arrays.stream(HelpTopic.values()).map(HelpTopic::key).toList()),
            Map.entry("branding.field.", List.of("primary-colour", "accent-colour", "background-colour")),
            Map.entry(
                    "branding.field.greeting.",
                    Languages.SUPPORTED.stream().map(Locale::getLanguage).toList()),
            Map.entry(
                    "offers.admin.language.",
                    Languages.SUPPORTED.stream().map(Locale::getLanguage).toList()),
            Map.entry(
                    "return-reasons.field.label.",
                    Languages.SUPPORTED.stream().map(Locale::getLanguage).toList()),
            Map.entry(
                    "message.kind.",
                    MessageKind.BUILT_IN.stream().map(MessageKind::key).toList()),
            Map.entry(
                    "timeline.filter.",
                    Arrays.stream(org.aftercart.timeline.TimelineCategory.values())
                            .map(org.aftercart.timeline.TimelineCategory::slug)
                            .toList()),
            // CustomerFinder.Match keys: which exact number found the customer.
            Map.entry("customers.matched.", List.of("order", "tracking", "return")),
            Map.entry("conversation.status.", names(ConversationStatus.values())),
            Map.entry("conversation.channel.", names(ConversationChannel.values())),
            Map.entry("conversation.topic.", names(ConversationTopic.values())),
            // The wallet's ledger line types (wallet.entries.type), as the account page shows them.
            Map.entry(
                    "account.history.type.",
                    List.of("CREDIT", "BONUS", "HOLD", "RELEASE", "REDEMPTION", "EXPIRY", "COUNTERPART")));

    /** The same for the customer messages' templates, checked against both notifications bundles. */
    private static final Map<String, List<String>> CUSTOMER_VALUE_KEYS =
            Map.of("n.exception.next.", names(new TrackingStatus[] {
                TrackingStatus.ATTEMPT_FAILED, TrackingStatus.EXCEPTION, TrackingStatus.RETURNING_TO_SENDER
            }));

    private final Properties english = load("messages.properties");
    private final Properties french = load("messages_fr.properties");
    private final Properties customerEnglish = load("notifications.properties");
    private final Properties customerFrench = load("notifications_fr.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(missing(english, french))
                .as("keys in English but not in French")
                .isEmpty();
        assertThat(missing(french, english))
                .as("keys in French but not in English")
                .isEmpty();
    }

    @Test
    void bothLanguagesHaveTheSameCustomerMessageKeys() {
        assertThat(missing(customerEnglish, customerFrench))
                .as("keys in notifications.properties but not in notifications_fr.properties")
                .isEmpty();
        assertThat(missing(customerFrench, customerEnglish))
                .as("keys in notifications_fr.properties but not in notifications.properties")
                .isEmpty();
    }

    @Test
    void noTranslationIsEmpty() {
        for (Properties bundle : new Properties[] {english, french, customerEnglish, customerFrench}) {
            assertThat(bundle.stringPropertyNames())
                    .filteredOn(key -> bundle.getProperty(key).isBlank())
                    .as("keys without text")
                    .isEmpty();
        }
    }

    @Test
    void everyKeyTheTemplatesUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path template : files(TEMPLATES, ".html")) {
            if (!template.startsWith(MESSAGE_TEMPLATES)) {
                used.addAll(matches(LITERAL_KEY, Files.readString(template)));
            }
        }
        assertThat(used).as("keys used by the templates").isNotEmpty();
        assertThat(used)
                .filteredOn(key -> !english.containsKey(key))
                .as("keys used in templates but missing from messages.properties")
                .isEmpty();
    }

    @Test
    void everyKeyTheCustomerMessagesUseExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path template : files(MESSAGE_TEMPLATES, "")) {
            used.addAll(matches(LITERAL_KEY, Files.readString(template)));
        }
        assertThat(used).as("keys used by the message templates").isNotEmpty();
        assertThat(used)
                .filteredOn(key -> !customerEnglish.containsKey(key))
                .as("keys used in templates/notifications but missing from notifications.properties")
                .isEmpty();
        assertThat(used)
                .filteredOn(key -> !customerFrench.containsKey(key))
                .as("keys used in templates/notifications but missing from notifications_fr.properties")
                .isEmpty();
    }

    @Test
    void everyKeyTheControllersUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path source : files(CONSOLE_SOURCES, ".java")) {
            used.addAll(matches(JAVA_KEY, Files.readString(source)));
        }
        assertThat(used).as("keys used by the controllers").isNotEmpty();
        assertThat(used)
                .filteredOn(key -> !english.containsKey(key))
                .as("keys used in the console's code but missing from messages.properties")
                .isEmpty();
    }

    @Test
    void everyValueShownThroughAKeyPrefixHasItsText() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        for (Path template : files(TEMPLATES, ".html")) {
            if (!template.startsWith(MESSAGE_TEMPLATES)) {
                prefixes.addAll(matches(KEY_PREFIX, Files.readString(template)));
            }
        }
        assertThat(VALUE_KEYS.keySet())
                .as("each key prefix used in a template is checked here")
                .containsAll(prefixes);
        VALUE_KEYS.forEach((prefix, values) -> {
            for (String value : values) {
                assertThat(english).as("English text").containsKey(prefix + value);
                assertThat(french).as("French text").containsKey(prefix + value);
            }
        });
    }

    @Test
    void everyValueACustomerMessageShowsThroughAKeyPrefixHasItsText() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        for (Path template : files(MESSAGE_TEMPLATES, "")) {
            prefixes.addAll(matches(KEY_PREFIX, Files.readString(template)));
        }
        assertThat(CUSTOMER_VALUE_KEYS.keySet())
                .as("each key prefix used in a message template is checked here")
                .containsAll(prefixes);
        CUSTOMER_VALUE_KEYS.forEach((prefix, values) -> {
            for (String value : values) {
                assertThat(customerEnglish).as("English text").containsKey(prefix + value);
                assertThat(customerFrench).as("French text").containsKey(prefix + value);
            }
        });
    }

    @Test
    void messagesWithArgumentsAreValidPatterns() {
        for (Properties bundle : new Properties[] {english, french, customerEnglish, customerFrench}) {
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                if (value.matches("(?s).*\\{\\d.*")) {
                    assertThat(value)
                            .as("%s: a plain ' is a quote in a message with arguments; write ’ instead", key)
                            .doesNotContain("'");
                    new MessageFormat(value);
                }
            }
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Set<String> missing(Properties from, Properties in) {
        Set<String> missing = new TreeSet<>(from.stringPropertyNames());
        missing.removeAll(in.stringPropertyNames());
        return missing;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static java.util.List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> path.toString().endsWith(suffix))
                    .toList();
        }
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
