package org.gengdi.server.wps;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gengdi.process.GengdiProcess;
import org.gengdi.process.InputDescription;
import org.gengdi.process.InputType;
import org.gengdi.server.jobs.ExecuteRequest;
import org.gengdi.server.jobs.ExecuteRequest.RawInput;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;

/**
 * Execute by KVP (WPS 1.0.0 §10.2.2): {@code DataInputs=id=value@attr=v;…} (values and attributes URL-encoded
 * within), {@code ResponseDocument=out@asReference=true@mimeType=…;…}, {@code RawDataOutput=out@mimeType=…},
 * {@code storeExecuteResponse}, {@code status}, {@code lineage}.
 */
final class WpsKvp {
    private WpsKvp() {
    }

    static WpsExecute execute(KvpRequest kvp, GengdiProcess process) {
        Map<String, List<RawInput>> inputs = new LinkedHashMap<>();
        String data = kvp.get("datainputs");
        if (data != null && !data.isBlank()) {
            for (String item : split(data, ';')) {
                if (item.isBlank()) {
                    continue;
                }
                List<String> parts = split(item, '@');
                String first = parts.get(0);
                int eq = first.indexOf('=');
                if (eq <= 0) {
                    throw new OwsException(OwsException.Code.InvalidParameterValue, "DataInputs",
                            "each DataInputs item is id=value, not '" + shorten(first) + "'");
                }
                String id = decode(first.substring(0, eq));
                String value = decode(first.substring(eq + 1));
                Map<String, String> attrs = attributes(parts.subList(1, parts.size()));
                InputDescription d = process.description().input(id).orElseThrow(() -> new OwsException(
                        OwsException.Code.InvalidParameterValue, id, "process " + process.description().id()
                        + " has no input '" + shorten(id) + "'"));
                inputs.computeIfAbsent(id, k -> new ArrayList<>()).add(raw(d, value, attrs));
            }
        }
        boolean store = bool(kvp, "storeexecuteresponse");
        boolean status = bool(kvp, "status");
        boolean lineage = bool(kvp, "lineage");
        List<ExecuteRequest.OutputRequest> outputs = new ArrayList<>();
        String raw = kvp.get("rawdataoutput");
        String rawId = null;
        String rawMime = null;
        if (raw != null && !raw.isBlank()) {
            if (kvp.get("responsedocument") != null) {
                throw new OwsException(OwsException.Code.InvalidParameterValue, "RawDataOutput",
                        "give either ResponseDocument or RawDataOutput, not both");
            }
            List<String> parts = split(raw, '@');
            rawId = decode(parts.get(0));
            rawMime = attributes(parts.subList(1, parts.size())).get("mimetype");
            outputs.add(new ExecuteRequest.OutputRequest(rawId, rawMime, ExecuteRequest.Transmission.VALUE));
        } else if (kvp.get("responsedocument") != null) {
            for (String item : split(kvp.get("responsedocument"), ';')) {
                if (item.isBlank()) {
                    continue;
                }
                List<String> parts = split(item, '@');
                Map<String, String> a = attributes(parts.subList(1, parts.size()));
                outputs.add(new ExecuteRequest.OutputRequest(decode(parts.get(0)), a.get("mimetype"),
                        "true".equalsIgnoreCase(a.get("asreference")) ? ExecuteRequest.Transmission.REFERENCE
                                : ExecuteRequest.Transmission.VALUE));
            }
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put(WpsExecute.LINEAGE, Boolean.toString(lineage));
        options.put(WpsExecute.STATUS, Boolean.toString(status));
        return new WpsExecute(new ExecuteRequest(process.description().id(), inputs, outputs, options), rawId,
                rawMime, store, status, lineage);
    }

    /** A raw input of the input's kind from its KVP value and attributes. */
    static RawInput raw(InputDescription d, String value, Map<String, String> attrs) {
        String href = attrs.containsKey("xlink:href") ? attrs.get("xlink:href") : attrs.get("href");
        if (href != null) {
            return new RawInput.Reference(href, attrs.get("mimetype"));
        }
        InputType t = d.type();
        if (t instanceof InputType.Complex) {
            return new RawInput.Complex(attrs.get("mimetype"), value);
        }
        if (t instanceof InputType.BoundingBox) {
            String[] v = value.split(",");
            if (v.length != 4 && v.length != 5) {
                throw new OwsException(OwsException.Code.InvalidParameterValue, d.id(),
                        "a bounding box is minx,miny,maxx,maxy[,crs]");
            }
            double[] c = new double[4];
            for (int i = 0; i < 4; i++) {
                try {
                    c[i] = Double.parseDouble(v[i].strip());
                } catch (NumberFormatException e) {
                    throw new OwsException(OwsException.Code.InvalidParameterValue, d.id(),
                            "bounding-box values must be numbers");
                }
            }
            return new RawInput.BoundingBox(c, v.length == 5 ? v[4].strip() : attrs.get("crs"));
        }
        return new RawInput.Literal(value, attrs.get("uom"));
    }

    private static Map<String, String> attributes(List<String> parts) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : parts) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                m.put(decode(p.substring(0, eq)).toLowerCase(Locale.ROOT), decode(p.substring(eq + 1)));
            }
        }
        return m;
    }

    /** Splits on a separator; the pieces stay URL-encoded (so an encoded separator inside a value survives). */
    private static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == sep) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static boolean bool(KvpRequest kvp, String key) {
        String v = kvp.get(key);
        if (v == null || v.isBlank()) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new OwsException(OwsException.Code.InvalidParameterValue, key, key + " must be true or false");
    }

    static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
