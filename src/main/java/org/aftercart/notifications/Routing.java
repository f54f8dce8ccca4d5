package org.aftercart.notifications;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.ContactPreferences;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerProfile;
import org.aftercart.customers.Customers;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides, when a message is due, where it goes: the order's own channel if the customer asked for
 * one, else the customer's channel for that kind of message, else their preferred one; the other
 * channel when that one has no usable address; and whether it waits for quiet hours to end or is
 * not sent at all (no consent for marketing).
 */
@Component
class Routing {

    sealed interface Decision {}

    record Deliver(
            @Nullable UUID customerId,
            @Nullable String customerName,
            String channel,
            String recipient,
            Locale locale,
            @Nullable String note)
            implements Decision {}

    record Hold(Instant until, String reason) implements Decision {}

    record Close(MessageStatus status, String reason) implements Decision {}

    private final Customers customers;
    private final OrderChannels orderChannels;
    private final NotificationSettings settings;

    Routing(Customers customers, OrderChannels orderChannels, NotificationSettings settings) {
        this.customers = customers;
        this.orderChannels = orderChannels;
        this.settings = settings;
    }

    /** @param order the message's order, read once by the caller; empty for a message without one */
    Decision route(MessageRow message, MessageKind kind, Optional<OrderView> order, Instant now) {
        if (message.customerId() == null && message.orderId() == null && message.recipient() != null) {
            return addressedWhenWritten(message);
        }
        Optional<UUID> customerId = message.customerId() != null
                ? Optional.of(message.customerId())
                : order.map(OrderView::customerId).map(UUID::fromString);
        if (customerId.isEmpty()) {
            return new Close(MessageStatus.UNDELIVERABLE, "The order has no customer to tell (an anonymous sale).");
        }
        CustomerId id = new CustomerId(customerId.get());
        Optional<CustomerProfile> profile = customers.find(id);
        Optional<ContactPreferences> preferences = customers.contactPreferences(id);
        if (profile.isEmpty() || preferences.isEmpty()) {
            return new Close(MessageStatus.UNDELIVERABLE, "The customer no longer exists.");
        }
        if (!kind.transactional() && !preferences.get().marketingConsent()) {
            return new Close(MessageStatus.SUPPRESSED, "The customer has not agreed to marketing messages.");
        }
        Locale locale =
                Languages.orFallback(Locale.forLanguageTag(preferences.get().language()));
        if (!kind.urgent()) {
            Optional<Instant> until = quietHoursOf(preferences.get()).holdUntil(now);
            if (until.isPresent()) {
                return new Hold(until.get(), "Quiet hours on the customer's clock.");
            }
        }
        return address(customerId.get(), message, kind, profile.get(), preferences.get(), locale);
    }

    /**
     * A message for someone who need not be a customer (a gift card's recipient), addressed by the
     * fact that caused it: no preferences or quiet hours of theirs are known.
     */
    private Decision addressedWhenWritten(MessageRow message) {
        Locale locale = Languages.orFallback(
                Locale.forLanguageTag(String.valueOf(message.facts().getOrDefault("locale", ""))));
        return validEmail(message.recipient())
                .<Decision>map(email -> new Deliver(null, null, "EMAIL", email, locale, null))
                .orElseGet(() -> new Close(
                        MessageStatus.UNDELIVERABLE, "The e-mail address '" + message.recipient() + "' is not valid."));
    }

    QuietHours quietHoursOf(ContactPreferences preferences) {
        ZoneId zone = preferences.timeZone() == null ? settings.defaultTimeZone() : preferences.timeZone();
        return preferences.quietHoursStart() == null || preferences.quietHoursEnd() == null
                ? new QuietHours(settings.quietHoursStart(), settings.quietHoursEnd(), zone)
                : new QuietHours(preferences.quietHoursStart(), preferences.quietHoursEnd(), zone);
    }

    private Decision address(
            UUID customerId,
            MessageRow message,
            MessageKind kind,
            CustomerProfile profile,
            ContactPreferences preferences,
            Locale locale) {
        Optional<OrderChannels.Choice> forOrder =
                message.orderId() == null ? Optional.empty() : orderChannels.find(message.orderId());
        ContactChannel wanted =
                forOrder.map(OrderChannels.Choice::channel).orElseGet(() -> preferences.channelFor(kind.key()));
        String phone = forOrder.map(OrderChannels.Choice::recipient)
                .filter(recipient -> wanted == ContactChannel.SMS && recipient != null)
                .orElse(profile.phone());
        Optional<String> sms = PhoneNumbers.mobileE164(phone, profile.country());
        Optional<String> email = validEmail(profile.email());
        String smsProblem = phone == null || phone.isBlank()
                ? "no phone number on file"
                : "the phone number '" + phone + "' cannot receive texts";
        String emailProblem = profile.email() == null
                ? "no e-mail address on file"
                : "the e-mail address '" + profile.email() + "' is not valid";
        if (wanted == ContactChannel.SMS) {
            if (sms.isPresent()) {
                return new Deliver(customerId, profile.name(), "SMS", sms.get(), locale, null);
            }
            if (email.isPresent()) {
                return new Deliver(
                        customerId,
                        profile.name(),
                        "EMAIL",
                        email.get(),
                        locale,
                        "Sent by e-mail: " + smsProblem + ".");
            }
        } else {
            if (email.isPresent()) {
                return new Deliver(customerId, profile.name(), "EMAIL", email.get(), locale, null);
            }
            if (sms.isPresent()) {
                return new Deliver(
                        customerId, profile.name(), "SMS", sms.get(), locale, "Sent by SMS: " + emailProblem + ".");
            }
        }
        return new Close(
                MessageStatus.UNDELIVERABLE, "No usable channel: " + emailProblem + ", and " + smsProblem + ".");
    }

    static Optional<String> validEmail(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            String domain = address.substring(address.lastIndexOf('@') + 1);
            return domain.contains(".") ? Optional.of(parsed.getAddress()) : Optional.empty();
        } catch (AddressException invalid) {
            return Optional.empty();
        }
    }
}
