import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface RegexSite {
  /** path:line of the literal or constructor call. */
  where: string;
  source: string;
  flags: string;
}

export interface ConstructorSite {
  where: string;
  /** The call's arguments as written. */
  text: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Every regular expression literal in the product code (`dirs`, e.g. lambdas/ and bot/), found
 * with the TypeScript parser (not a text search, so strings and comments never count), and every
 * `new RegExp(…)` / `RegExp(…)` call, whose pattern is only known at run time.
 */
export function regexInventory(root: string, dirs: readonly string[]) {
  const literals: RegexSite[] = [];
  const constructors: ConstructorSite[] = [];
  for (const file of dirs.flatMap((d) => tsFiles(join(root, d)))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const at = (node: ts.Node) =>
      `${relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        literals.push({ where: at(node), source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        constructors.push({
          where: at(node),
          text: (node.arguments ?? []).map((a) => a.getText(sf)).join(', '),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { literals, constructors };
}
