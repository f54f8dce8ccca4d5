package org.aftercart.conversations.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.aftercart.conversations.ConversationChannel;
import org.aftercart.conversations.ConversationTopic;
import org.aftercart.conversations.Conversations;
import org.aftercart.conversations.CustomerReference;
import org.aftercart.conversations.EntryDirection;
import org.aftercart.conversations.NewEntry;
import org.aftercart.conversations.RecordContact;
import org.jspecify.annotations.Nullable;

/** The bodies the conversations API accepts. */
final class ConversationRequests {

    private ConversationRequests() {}

    @Schema(
            description = "A contact: who (customer id, e-mail or phone; else the order's customer), the channel,"
                    + " the topic and what was said")
    record RecordContactRequest(
            @Nullable UUID customerId,
            @Nullable @Email @Size(max = 320) String email,
            @Nullable @Size(max = 32) String phone,
            @Nullable UUID orderId,
            @NotNull ConversationChannel channel,
            @NotNull ConversationTopic topic,
            @Schema(description = "INBOUND (default) when the customer got in touch, OUTBOUND when the shop did")
                    @Nullable
                    EntryDirection direction,
            @NotBlank @Size(max = Conversations.MAX_TEXT) String text,
            @Schema(description = "Who wrote it; default: customer for inbound, the API client for outbound")
                    @Nullable
                    @Size(max = 320)
                    String author,
            @Schema(description = "Staff e-mail of whoever takes it at once") @Nullable @Email @Size(max = 320)
                    String assignee) {

        RecordContact toCommand(String client) {
            EntryDirection actualDirection = direction == null ? EntryDirection.INBOUND : direction;
            return new RecordContact(
                    new CustomerReference(customerId, email, phone),
                    orderId,
                    channel,
                    topic,
                    actualDirection,
                    text,
                    authorOr(author, actualDirection, client),
                    assignee);
        }
    }

    @Schema(description = "Something said in an existing conversation")
    record EntryRequest(
            @Schema(description = "INBOUND (default) from the customer, OUTBOUND to them") @Nullable
                    EntryDirection direction,
            @NotBlank @Size(max = Conversations.MAX_TEXT) String text,
            @Nullable @Size(max = 320) String author) {

        NewEntry toEntry(String client) {
            EntryDirection actualDirection = direction == null ? EntryDirection.INBOUND : direction;
            return new NewEntry(actualDirection, text, authorOr(author, actualDirection, client));
        }
    }

    private static String authorOr(@Nullable String author, EntryDirection direction, String client) {
        if (author != null && !author.isBlank()) {
            return author;
        }
        return direction == EntryDirection.INBOUND ? "customer" : client;
    }
}
