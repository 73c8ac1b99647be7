package org.xietong.systemtests;

/**
 * How a cell reaches the service: through the gateway, or straight to the service as a caller inside the network
 * would (the services enforce purpose, region and object themselves, as if the gateway were not there).
 */
enum MatrixRoute {
    GATEWAY,
    DIRECT
}
