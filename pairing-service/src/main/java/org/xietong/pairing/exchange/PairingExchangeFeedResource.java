package org.xietong.pairing.exchange;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.events.ExchangeFeed;
import org.xietong.platform.delivery.Subscriptions;
import org.xietong.platform.events.ExchangeFeedResource;
import org.xietong.platform.security.Caller;

@Path("/api/v1/pairing/exchange")
@Tag(name = "Exchange", description = "Partner exchange: this service's events as CloudEvents, by feed or pushed to subscriptions")
public class PairingExchangeFeedResource extends ExchangeFeedResource {

    public PairingExchangeFeedResource(ExchangeFeed feed, Subscriptions subscriptions, Caller caller) {
        super(feed, subscriptions, caller);
    }
}
