package io.imsconnect.server.packages;

import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.imsconnect.server.group.GroupService;
import io.imsconnect.server.group.Rights;

/** The instance's own package: Campaign's standard security groups, each granting a right of its own name. */
@Component
@Order(0)
class CorePackage implements InstallablePackage {

    static final String NAME = "core";

    private final GroupService groups;

    CorePackage(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "Core: standard security groups";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void install() {
        for (String right : Rights.STANDARD) {
            groups.createIfAbsent(right, label(right), Set.of(right));
        }
    }

    private static String label(String right) {
        return switch (right) {
            case Rights.ADMIN -> "Administrators";
            case "workflowSupervisor" -> "Workflow supervisors";
            default -> Character.toUpperCase(right.charAt(0)) + right.substring(1);
        };
    }
}
