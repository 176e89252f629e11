package ru.tsur.pulse.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Quarkus adds "401 Not Authorized" and "403 Not Allowed" to every secured operation of the OpenAPI
 * document (and "400" to every validated one), without a body; the service answers them as problem+json. This
 * filter points them at the shared problem responses, so the document says what a client gets (registered as {@code mp.openapi.filter}).
 */
public class SecurityResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses != null) {
            if (responses.hasAPIResponse("401")) {
                responses.addAPIResponse("401", OASFactory.createAPIResponse().ref(ApiDocument.UNAUTHORIZED));
            }
            if (responses.hasAPIResponse("403")) {
                responses.addAPIResponse("403", OASFactory.createAPIResponse().ref(ApiDocument.FORBIDDEN));
            }
            // Bean Validation's generated "400 Bad Request" carries no body in the document; the service's is a problem.
            if (responses.hasAPIResponse("400") && responses.getAPIResponse("400").getRef() == null
                    && responses.getAPIResponse("400").getContent() == null) {
                responses.addAPIResponse("400", OASFactory.createAPIResponse().ref(ApiDocument.INVALID_INPUT));
            }
        }
        return operation;
    }
}
