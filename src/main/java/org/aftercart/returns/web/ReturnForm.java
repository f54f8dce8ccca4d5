package org.aftercart.returns.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the customer chose on the portal's return form, as posted. Only choices: prices and what
 * may be returned come from the server ({@code Returns.eligibility}), never from here.
 */
public class ReturnForm {

    private List<LineChoice> lines = new ArrayList<>();
    private ReturnMethod method = ReturnMethod.MAIL;
    private @Nullable String locationCode;
    private boolean gift;
    private @Nullable String giftRecipientEmail;
    private @Nullable UUID requestKey;

    /** One order line: how many units go back (0 for none), why, and for what. */
    public static class LineChoice {

        private @Nullable UUID orderLineId;
        private int quantity;
        private @Nullable String reasonCode;
        private @Nullable String comment;
        private ReturnOutcome outcome = ReturnOutcome.REFUND;
        private @Nullable String exchangeSku;
        private List<MultipartFile> photos = new ArrayList<>();
        private List<UUID> photoIds = new ArrayList<>();

        public @Nullable UUID getOrderLineId() {
            return orderLineId;
        }

        public void setOrderLineId(@Nullable UUID orderLineId) {
            this.orderLineId = orderLineId;
        }

        public int getQuantity() {
            return quantity;
        }

        public void setQuantity(int quantity) {
            this.quantity = quantity;
        }

        public @Nullable String getReasonCode() {
            return reasonCode;
        }

        public void setReasonCode(@Nullable String reasonCode) {
            this.reasonCode = reasonCode;
        }

        public @Nullable String getComment() {
            return comment;
        }

        public void setComment(@Nullable String comment) {
            this.comment = comment;
        }

        public ReturnOutcome getOutcome() {
            return outcome;
        }

        public void setOutcome(ReturnOutcome outcome) {
            this.outcome = outcome;
        }

        /** The variant wanted for an exchange; blank means the same SKU again. */
        public @Nullable String getExchangeSku() {
            return exchangeSku;
        }

        public void setExchangeSku(@Nullable String exchangeSku) {
            this.exchangeSku = exchangeSku;
        }

        public List<MultipartFile> getPhotos() {
            return photos;
        }

        public void setPhotos(List<MultipartFile> photos) {
            this.photos = photos == null ? new ArrayList<>() : photos;
        }

        public List<UUID> getPhotoIds() {
            return photoIds;
        }

        public void setPhotoIds(List<UUID> photoIds) {
            this.photoIds = photoIds == null ? new ArrayList<>() : photoIds;
        }

        /** The files actually chosen (a file input without a file still posts an empty part). */
        List<MultipartFile> chosenPhotos() {
            return photos.stream().filter(photo -> !photo.isEmpty()).toList();
        }
    }

    public List<LineChoice> getLines() {
        return lines;
    }

    public void setLines(List<LineChoice> lines) {
        this.lines = lines;
    }

    public ReturnMethod getMethod() {
        return method;
    }

    public void setMethod(ReturnMethod method) {
        this.method = method;
    }

    public @Nullable String getLocationCode() {
        return locationCode;
    }

    public void setLocationCode(@Nullable String locationCode) {
        this.locationCode = locationCode;
    }

    public boolean isGift() {
        return gift;
    }

    public void setGift(boolean gift) {
        this.gift = gift;
    }

    public @Nullable String getGiftRecipientEmail() {
        return giftRecipientEmail;
    }

    public void setGiftRecipientEmail(@Nullable String giftRecipientEmail) {
        this.giftRecipientEmail = giftRecipientEmail;
    }

    /** Names this form's request, so that sending it twice (a double click, a reload) asks once. */
    public @Nullable UUID getRequestKey() {
        return requestKey;
    }

    public void setRequestKey(@Nullable UUID requestKey) {
        this.requestKey = requestKey;
    }

    /** The choice posted for an order line, or an empty one. */
    LineChoice choiceFor(UUID orderLineId) {
        return lines.stream()
                .filter(line -> orderLineId.equals(line.getOrderLineId()))
                .findFirst()
                .orElseGet(() -> {
                    LineChoice empty = new LineChoice();
                    empty.setOrderLineId(orderLineId);
                    return empty;
                });
    }
}
