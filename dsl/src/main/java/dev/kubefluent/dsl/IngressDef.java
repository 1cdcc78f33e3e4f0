package dev.kubefluent.dsl;

import dev.kubefluent.core.ResourceRef;
import dev.kubefluent.core.validate.Formats;
import dev.kubefluent.core.validate.Validator;
import dev.kubefluent.core.validate.Violation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressRuleValue;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code networking.k8s.io/v1} Ingress under construction: routes HTTP(S) requests by host and path to Service ports.
 * Immutable: every method returns a new builder, and each {@link #build()} returns fresh fabric8 objects.
 *
 * <pre>{@code
 * Ingress shop = ingress("shop").ingressClassName("nginx")
 *     .rule("shop.example.com", path("/").to(webService, "http"), path("/api").to(apiService, 8080))
 *     .tls(tlsSecret, "shop.example.com")
 *     .build();
 * }</pre>
 *
 * <h2>Wiring</h2>
 * Backends take the Service object, not its name. {@code build()} checks each backend against its Service with the
 * shared validator's set rules: the Service must be in the Ingress's namespace ({@code ingress-service-missing}) and
 * expose the port by name or number ({@code ingress-service-port-missing}). An unset namespace becomes the first
 * backend Service's (or the TLS Secret's). A TLS Secret must be of type {@code kubernetes.io/tls} (checked when given)
 * and live in the Ingress's namespace (checked by {@code build()}, rule {@code ingress-tls-secret-missing}); only its
 * name and namespace are kept, never its data.
 *
 * <h2>Defaults</h2>
 * The labels {@code app.kubernetes.io/name=<name>} and {@code app.kubernetes.io/managed-by=kubefluent} where unset;
 * paths match as {@code Prefix} unless told otherwise. No ingress class is invented: without
 * {@link #ingressClassName(String)} the cluster's default IngressClass applies.
 *
 * @since 0.1.0
 */
@CheckReturnValue
public final class IngressDef extends AbstractNamespacedDef<IngressDef, Ingress, IngressBuilder> {

    private static final Pattern RULE_BACKEND = Pattern.compile("spec\\.rules\\[(\\d+)]\\.http\\.paths\\[(\\d+)]\\.backend\\..*");

    /** Every backend given as a Service object, for the wiring check. */
    private final List<IngressPathDef> backends;
    /** Each TLS entry's Secret as {name, namespace}: never the Secret itself, which holds the key. */
    private final List<String[]> tlsSecrets;

    private IngressDef(String name, Ops<Ingress> ops, Ops<IngressBuilder> hatches, List<IngressPathDef> backends,
            List<String[]> tlsSecrets) {
        super(name, ops, hatches);
        this.backends = backends;
        this.tlsSecrets = tlsSecrets;
    }

    static IngressDef of(String name) {
        return new IngressDef(Checks.dns1123Subdomain(name, "Ingress name"), Ops.empty(), Ops.empty(), List.of(),
                List.of());
    }

    @Override
    IngressDef with(Ops<Ingress> ops, Ops<IngressBuilder> hatches) {
        return new IngressDef(name, ops, hatches, backends, tlsSecrets);
    }

    private IngressDef with(Ops<Ingress> ops, List<IngressPathDef> addedBackends, String[] addedSecret) {
        List<IngressPathDef> b = new ArrayList<>(backends);
        b.addAll(addedBackends);
        List<String[]> t = new ArrayList<>(tlsSecrets);
        if (addedSecret != null) {
            t.add(addedSecret);
        }
        return new IngressDef(name, ops, hatches, List.copyOf(b), List.copyOf(t));
    }

    @Override
    Ingress newDraft() {
        Ingress i = new Ingress();
        i.setMetadata(Meta.named(name));
        i.setSpec(new IngressSpec());
        return i;
    }

    private static IngressSpec spec(Ingress i) {
        if (i.getSpec() == null) {
            i.setSpec(new IngressSpec());
        }
        return i.getSpec();
    }

    private static void adoptNamespace(Ingress i, String namespace) {
        if (i.getMetadata().getNamespace() == null) {
            i.getMetadata().setNamespace(namespace);
        }
    }

    @Override
    IngressBuilder toBuilder(Ingress i) {
        return new IngressBuilder(i);
    }

    @Override
    Ingress fromBuilder(IngressBuilder b) {
        return b.build();
    }

    @Override
    void applyDefaults(Ingress i) {
        Meta.recommendedLabels(i.getMetadata(), i.getMetadata().getName());
    }

    /**
     * Sets {@code spec.ingressClassName}: which Ingress controller serves this Ingress, e.g. {@code nginx}.
     *
     * @param className the IngressClass's name, a DNS-1123 subdomain; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public IngressDef ingressClassName(String className) {
        Checks.dns1123Subdomain(className, "ingressClassName");
        return then(i -> spec(i).setIngressClassName(className));
    }

    /**
     * Routes requests for a host to Service ports by path ({@code spec.rules[]}); a second call with the same host adds
     * its paths to the same rule.
     *
     * @param host  a DNS name such as {@code shop.example.com}, or a wildcard such as {@code *.example.com}; must not
     *              be {@code null}
     * @param paths the paths, from {@code path("/").to(service, "http")}; at least one, none {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     * @throws IllegalArgumentException if the host is not a DNS name or no path is given
     */
    public IngressDef rule(String host, IngressPathDef... paths) {
        return addRule(checkHost(host, "rule host"), paths);
    }

    /**
     * Routes requests for any host to Service ports by path (a rule without {@code host}).
     *
     * @param paths the paths, from {@code path("/").to(service, "http")}; at least one, none {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public IngressDef rule(IngressPathDef... paths) {
        return addRule(null, paths);
    }

    private IngressDef addRule(String host, IngressPathDef... paths) {
        Checks.noNulls(paths, "paths");
        if (paths.length == 0) {
            throw new IllegalArgumentException("paths must not be empty (add path(\"/\").to(service, port))");
        }
        List<IngressPathDef> added = List.of(paths);
        return with(ops.then(i -> {
            IngressRule rule = spec(i).getRules().stream().filter(r -> Objects.equals(r.getHost(), host))
                    .findFirst().orElse(null);
            if (rule == null) {
                rule = new IngressRule();
                rule.setHost(host);
                rule.setHttp(new HTTPIngressRuleValue());
                spec(i).getRules().add(rule);
            }
            if (rule.getHttp() == null) {
                rule.setHttp(new HTTPIngressRuleValue());
            }
            for (IngressPathDef p : added) {
                rule.getHttp().getPaths().add(p.toPath());
                adoptNamespace(i, p.namespace());
            }
        }), added, null);
    }

    /**
     * Sends requests that match no rule to the Service port with this name ({@code spec.defaultBackend}).
     *
     * @param service  a built Service; must not be {@code null}
     * @param portName the name of one of its ports; must not be {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public IngressDef defaultBackend(Service service, String portName) {
        return defaultBackend(IngressPathDef.backend(service, portName, null));
    }

    /**
     * Sends requests that match no rule to the Service port with this number ({@code spec.defaultBackend}).
     *
     * @param service a built Service; must not be {@code null}
     * @param port    one of its port numbers, 1 to 65535
     * @return this builder for method chaining (a new builder; this one is unchanged)
     */
    public IngressDef defaultBackend(Service service, int port) {
        return defaultBackend(IngressPathDef.backend(service, null, port));
    }

    private IngressDef defaultBackend(IngressPathDef backend) {
        return with(ops.then(i -> {
            spec(i).setDefaultBackend(backend.toBackend());
            adoptNamespace(i, backend.namespace());
        }), List.of(backend), null);
    }

    /**
     * Terminates TLS for these hosts with a TLS Secret's certificate ({@code spec.tls[]}). Only the Secret's name and
     * namespace are kept, never its data.
     *
     * @param secret a built Secret of type {@code kubernetes.io/tls} (from {@code secret(..).tls(cert, key)}); must
     *               not be {@code null}
     * @param hosts  the hosts the certificate covers, as in the rules; at least one, none {@code null}
     * @return this builder for method chaining (a new builder; this one is unchanged)
     * @throws IllegalArgumentException if the Secret is not a TLS Secret or a host is not a DNS name
     */
    public IngressDef tls(Secret secret, String... hosts) {
        String secretName = Refs.name(secret, "tls secret");
        if (!"kubernetes.io/tls".equals(secret.getType())) {
            throw new IllegalArgumentException("tls secret must be of type kubernetes.io/tls (build it with"
                    + " secret(..).tls(certificate, key)) but was: Secret " + Checks.quoted(secretName) + " of type "
                    + (secret.getType() == null ? "Opaque (unset)" : secret.getType()));
        }
        Checks.noNulls(hosts, "tls hosts");
        if (hosts.length == 0) {
            throw new IllegalArgumentException("tls hosts must not be empty (name the hosts the certificate covers)");
        }
        for (String h : hosts) {
            checkHost(h, "tls host");
        }
        List<String> hostList = List.of(hosts);
        String secretNamespace = secret.getMetadata().getNamespace();
        return with(ops.then(i -> {
            IngressTLS entry = new IngressTLS();
            entry.setHosts(new ArrayList<>(hostList));
            entry.setSecretName(secretName);
            spec(i).getTls().add(entry);
            adoptNamespace(i, secretNamespace);
        }), List.of(), new String[] {secretName, secretNamespace});
    }

    private static String checkHost(String host, String what) {
        Checks.notNull(host, what);
        String h = host.startsWith("*.") ? host.substring(2) : host;
        if (host.chars().allMatch(c -> Character.isDigit(c) || c == '.') || !Formats.isDns1123Subdomain(h)) {
            throw new IllegalArgumentException(what + " must be a DNS name such as \"shop.example.com\" or a wildcard"
                    + " such as \"*.example.com\", not an IP address, but was: " + Checks.quoted(host));
        }
        return host;
    }

    @Override
    void validate(Ingress ing) {
        if (backends.isEmpty() && tlsSecrets.isEmpty()) {
            DslRules.throwIfAny(Validator.defaults().validate(ing).violations());
        } else {
            DslRules.throwIfAny(wiringViolations(ing));
        }
    }

    /**
     * The shared validator's findings about this Ingress in a set with its backend Services and its TLS Secrets, in
     * strict mode so a Service or a TLS Secret in another namespace is an error. A TLS Secret takes part only as its
     * name, namespace and type: the builder never keeps its data. A backend or a TLS entry that {@code customize}
     * added by name, for an object this builder never saw, is left to the validation of the whole set.
     */
    private List<Violation> wiringViolations(Ingress ing) {
        Map<ResourceRef, HasMetadata> set = new LinkedHashMap<>();
        set.put(ResourceRef.of(ing), ing);
        Set<String> known = new HashSet<>();
        for (IngressPathDef b : backends) {
            set.put(ResourceRef.of(b.service()), b.service());
            known.add(b.service().getMetadata().getName());
        }
        Set<String> knownSecrets = new HashSet<>();
        for (String[] secret : tlsSecrets) {
            Secret stub = new SecretBuilder().withNewMetadata().withName(secret[0]).withNamespace(secret[1])
                    .endMetadata().withType("kubernetes.io/tls").build();
            set.put(ResourceRef.of(stub), stub);
            knownSecrets.add(secret[0]);
        }
        ResourceRef self = ResourceRef.of(ing);
        List<IngressTLS> tls = Defaults.nullSafe(ing.getSpec() == null ? null : ing.getSpec().getTls());
        return DslRules.STRICT.validateAll(set.values()).violations().stream()
                .filter(v -> v.resource().equals(self))
                .filter(v -> !v.ruleId().equals("ingress-service-missing") || known.contains(serviceAt(ing, v.path())))
                .filter(v -> !v.ruleId().equals("ingress-tls-secret-missing")
                        || knownSecrets.contains(tlsSecretAt(tls, v.path())))
                .toList();
    }

    /** The secretName of the TLS entry a violation's path ({@code spec.tls[k].secretName}) points at. */
    private static String tlsSecretAt(List<IngressTLS> tls, String path) {
        int open = path.indexOf('[');
        int close = path.indexOf(']');
        int k = Integer.parseInt(path.substring(open + 1, close));
        return k < tls.size() ? tls.get(k).getSecretName() : null;
    }

    /** The Service name of the backend a violation's path points into. */
    private static String serviceAt(Ingress ing, String path) {
        IngressBackend b = null;
        Matcher m = RULE_BACKEND.matcher(path);
        if (path.startsWith("spec.defaultBackend.")) {
            b = ing.getSpec().getDefaultBackend();
        } else if (m.matches()) {
            b = ing.getSpec().getRules().get(Integer.parseInt(m.group(1))).getHttp().getPaths()
                    .get(Integer.parseInt(m.group(2))).getBackend();
        }
        return b == null || b.getService() == null ? null : b.getService().getName();
    }
}
