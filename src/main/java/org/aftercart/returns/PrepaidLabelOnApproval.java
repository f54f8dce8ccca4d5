package org.aftercart.returns;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Asks for a prepaid label once a mail return is approved and the items are to come back. */
@Component
class PrepaidLabelOnApproval {

    private final PrepaidLabels labels;

    PrepaidLabelOnApproval(PrepaidLabels labels) {
        this.labels = labels;
    }

    @ApplicationModuleListener
    void on(ReturnApproved approved) {
        ReturnView request = approved.request();
        if (request.method() == ReturnMethod.MAIL && !request.returnless()) {
            labels.requestFor(request);
        }
    }
}
