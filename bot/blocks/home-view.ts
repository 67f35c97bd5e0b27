import { CATEGORIES, CATEGORY_IDS } from '../../lambdas/core/categories.js';
import {
  actions,
  type Block,
  button,
  capBlocks,
  context,
  divider,
  escapeMrkdwn,
  header,
  LIMITS,
  plain,
  recordLink,
  SEVERITY_BADGE,
  section,
} from './block-kit.js';
import { ACTIONS, type HomeView } from './view-models.js';

export interface HomeTab {
  type: 'home';
  private_metadata: string;
  blocks: Block[];
}

/**
 * The App Home tab: the manager's open queue or the rep's own open findings, masked previews
 * only, with the same actions as the messages. `private_metadata` carries the filter and page
 * so "Next page" knows where it is.
 */
export function homeView(view: HomeView): HomeTab {
  const manager = view.role === 'manager';
  const filter = actions([
    {
      type: 'static_select',
      action_id: ACTIONS.homeFilter,
      placeholder: plain('Filter by category'),
      options: CATEGORY_IDS.map((id) => ({ text: plain(CATEGORIES[id].label, 75), value: id })),
      ...(view.category
        ? { initial_option: { text: plain(CATEGORIES[view.category].label, 75), value: view.category } }
        : {}),
    },
  ]);
  const top: Block[] = [
    header(manager ? 'NoteGuard review queue' : 'Your notes to fix'),
    context(
      manager
        ? 'Open findings, most severe and newest first. Previews are masked.'
        : 'Open findings on notes you own. Fix them in the CRM or apply the suggested fix.',
    ),
    filter,
    divider(),
  ];
  const items = view.findings.flatMap((f): Block[] => [
    section(
      [
        `${SEVERITY_BADGE[f.severity]} · *${escapeMrkdwn(f.categoryLabel)}* in ${recordLink(f.title, f.url)}`,
        `> ${escapeMrkdwn(f.preview)}`,
        `${manager && f.owner ? `Owner: ${escapeMrkdwn(f.owner)} · ` : ''}found ${f.createdAt.slice(0, 10)}`,
      ].join('\n'),
    ),
    actions(
      manager
        ? [
            button('Redact', ACTIONS.redact, { noteId: f.noteId }, 'danger'),
            button('Dismiss', ACTIONS.dismiss, { noteId: f.noteId, findingId: f.findingId }),
            button('Ask rep to fix', ACTIONS.askRep, { noteId: f.noteId }),
          ]
        : [
            button('Apply suggested fix', ACTIONS.applyFix, { noteId: f.noteId }, 'primary'),
            button('Not sensitive', ACTIONS.notSensitive, { noteId: f.noteId, findingId: f.findingId }),
          ],
    ),
  ]);
  const empty =
    view.findings.length === 0
      ? [section(view.category ? 'No open findings in this category. :tada:' : 'No open findings. :tada:')]
      : [];
  const paging: Block[] = [
    context(`Page ${view.page}`),
    ...(view.nextCursor
      ? [actions([button('Next page', ACTIONS.homePage, { noteId: '', cursor: view.nextCursor })])]
      : []),
  ];
  const body = capBlocks(
    [...top, ...items, ...empty],
    LIMITS.viewBlocks - paging.length,
    (k) => `${k} more blocks not shown.`,
  );
  return {
    type: 'home',
    private_metadata: JSON.stringify({
      ...(view.category ? { category: view.category } : {}),
      page: view.page,
    }),
    blocks: [...body, ...paging],
  };
}
