import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Cuts the demo slice out of the UCI Online Retail file: every line (sales, cancellations, postage
 * and all) of the customers whose number is divisible by 20 and who have at most 60 lines in the
 * file, plus the guest invoices whose number is divisible by 200. Lines are copied verbatim, in
 * file order. Run from the project folder with any Java 17+:
 *
 * <pre>java bench/MakeDemoSlice.java ../shared/data/online-retail/online_retail_2010-2011.csv.gz
 *     src/main/resources/demo/online-retail-slice.csv.gz</pre>
 */
public class MakeDemoSlice {

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        String header;
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(source)), StandardCharsets.UTF_8))) {
            header = reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        Map<String, Integer> linesPerCustomer = new HashMap<>();
        for (String line : lines) {
            String customer = fields(line).get(6);
            if (!customer.isEmpty()) {
                linesPerCustomer.merge(customer, 1, Integer::sum);
            }
        }
        int kept = 0;
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(target)), StandardCharsets.UTF_8)) {
            out.write(header + "\n");
            for (String line : lines) {
                List<String> fields = fields(line);
                String invoice = fields.get(0);
                String customer = fields.get(6);
                boolean keep = customer.isEmpty()
                        ? invoice.chars().allMatch(Character::isDigit) && Long.parseLong(invoice) % 200 == 0
                        : (long) Double.parseDouble(customer) % 20 == 0 && linesPerCustomer.get(customer) <= 60;
                if (keep) {
                    out.write(line + "\n");
                    kept++;
                }
            }
        }
        System.out.println("Kept " + kept + " of " + lines.size() + " lines in " + target);
    }

    /** The fields of one CSV line (RFC 4180 quotes; the file has no line breaks inside fields). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
