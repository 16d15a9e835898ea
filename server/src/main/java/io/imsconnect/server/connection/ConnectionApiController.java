package io.imsconnect.server.connection;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConnectionApiController {

    private final ConnectionTester tester;

    ConnectionApiController(ConnectionTester tester) {
        this.tester = tester;
    }

    /** Always 200 when the account exists: the report says which step failed. */
    @PostMapping("/api/v1/external-accounts/{internalName}/test")
    ConnectionReport test(@PathVariable String internalName) {
        return tester.test(internalName);
    }
}
