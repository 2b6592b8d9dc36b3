package io.aftercare.contracts;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.MethodCallTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;

/**
 * What the rule that keeps SQL in repositories looks for. ArchUnit sees types and calls in the bytecode, not the text
 * of a query, so the rule is expressed by what running one needs:
 * <ul>
 * <li>a dependency on JDBC ({@code java.sql}, {@code javax.sql}), on the pool ({@code io.agroal}), or on the types that
 * run queries ({@code EntityManager}, Hibernate's {@code Session} and queries). Not all of {@code jakarta.persistence}
 * and {@code org.hibernate}: an entity at the root carries their mapping annotations, which run nothing;</li>
 * <li>a call to one of Panache's query methods that takes a query string ({@code find}, {@code list},
 * {@code stream}, {@code count}, {@code update}, {@code delete} with a {@code String} first), on an entity or a
 * repository. {@code findById}, {@code persist} and {@code listAll} name no query and stay allowed: an entity's own
 * operations.</li>
 * </ul>
 */
final class Sql {

    private static final Set<String> PACKAGES = Set.of("java.sql.", "javax.sql.", "io.agroal.");

    private static final Set<String> QUERY_TYPES = Set.of("jakarta.persistence.EntityManager",
            "jakarta.persistence.EntityManagerFactory", "jakarta.persistence.Query", "jakarta.persistence.TypedQuery",
            "jakarta.persistence.StoredProcedureQuery", "org.hibernate.Session", "org.hibernate.StatelessSession",
            "org.hibernate.SharedSessionContract", "org.hibernate.query.Query", "org.hibernate.query.NativeQuery",
            "org.hibernate.query.SelectionQuery", "org.hibernate.query.MutationQuery", "org.hibernate.jdbc.Work",
            "org.hibernate.jdbc.ReturningWork");

    private static final Set<String> PANACHE_QUERY_METHODS = Set.of("find", "list", "stream", "count", "update",
            "delete");

    private static final Set<String> PANACHE_OWNERS = Set.of("io.quarkus.hibernate.orm.panache.PanacheEntityBase",
            "io.quarkus.hibernate.orm.panache.PanacheRepositoryBase");

    static final DescribedPredicate<JavaClass> TYPES = DescribedPredicate
            .describe("run SQL (JDBC, javax.sql, Agroal, EntityManager, Hibernate's Session and queries)",
                    Sql::isSqlType);

    static final DescribedPredicate<JavaMethodCall> PANACHE_QUERY = DescribedPredicate.describe(
            "a Panache method with a query string (find, list, stream, count, update, delete)", Sql::isPanacheQuery);

    private Sql() {
    }

    static boolean isSqlType(JavaClass type) {
        String name = type.getName();
        return QUERY_TYPES.contains(name) || PACKAGES.stream().anyMatch(name::startsWith);
    }

    /**
     * The method the call lands on, declared by Panache itself: a repository's own {@code find(String clinicId, String
     * treatment)} takes a string too, and is what a service should call.
     */
    private static boolean isPanacheQuery(JavaMethodCall call) {
        MethodCallTarget target = call.getTarget();
        if (!PANACHE_QUERY_METHODS.contains(target.getName()) || target.getRawParameterTypes().isEmpty()
                || !target.getRawParameterTypes().get(0).isEquivalentTo(String.class)) {
            return false;
        }
        String declaredBy = target.resolveMember()
                .map(method -> method.getOwner().getName())
                .orElse(target.getOwner().getName());
        return PANACHE_OWNERS.contains(declaredBy);
    }
}
