package org.gengdi.server.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gengdi.core.store.FeatureStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /health}: liveness plus readiness of the store (503 while the database does not answer). */
@RestController
public class HealthController {
    private final FeatureStore store;

    public HealthController(FeatureStore store) {
        this.store = store;
    }

    @GetMapping(value = {"/health", "/health/ready"}, produces = "application/json")
    public ResponseEntity<Map<String, Object>> health() {
        boolean ready;
        try {
            ready = store.isAvailable();
        } catch (RuntimeException e) {
            ready = false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("store", store.description());
        body.put("ready", ready);
        return ResponseEntity.status(ready ? 200 : 503).body(body);
    }

    @GetMapping(value = "/health/live", produces = "application/json")
    public Map<String, Object> live() {
        return Map.of("status", "UP");
    }
}
