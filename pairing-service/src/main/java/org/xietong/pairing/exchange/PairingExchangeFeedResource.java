package org.xietong.pairing.exchange;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.events.ExchangeFeed;
import org.xietong.platform.events.ExchangeFeedResource;
import org.xietong.platform.security.Caller;

@Path("/api/v1/pairing/exchange")
@Tag(name = "Exchange", description = "Partner exchange feed: this service's events as CloudEvents")
public class PairingExchangeFeedResource extends ExchangeFeedResource {

    public PairingExchangeFeedResource(ExchangeFeed feed, Caller caller) {
        super(feed, caller);
    }
}
