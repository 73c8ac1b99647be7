package org.xietong.platform.events.testapp;

import jakarta.ws.rs.Path;
import org.xietong.platform.events.ExchangeFeed;
import org.xietong.platform.delivery.Subscriptions;
import org.xietong.platform.events.ExchangeFeedResource;
import org.xietong.platform.security.Caller;

@Path("/api/v1/test/exchange")
public class TestExchangeFeedResource extends ExchangeFeedResource {

    public TestExchangeFeedResource(ExchangeFeed feed, Subscriptions subscriptions, Caller caller) {
        super(feed, subscriptions, caller);
    }
}
