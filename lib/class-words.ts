/**
 * Short, plain English words for the classroom's passwords (two of them and
 * some digits: easy to read off a handout and to type) and for the words
 * that vary each student's maildrop: lowercase a–z, 3 to 6 letters, none
 * that a student would mind reading aloud.
 */
export const WORDS: readonly string[] = `
acorn amber anchor apple arrow aspen atlas badge baker bamboo banjo basil beach
beard berry birch bison blade blaze bloom board bolt brave bread brick brook
broom cabin cable camel candy canoe cargo cedar chalk charm chess cider cliff
clock cloud clover coast cobra comet coral couch crane crown curry daisy delta
dingo dune eagle earth easel elbow ember fable fern ferry fiber field finch
flame flint flute forge fox frost fudge gecko ginger globe goose grain grape
grove guava harbor hazel heron hinge honey horse igloo inlet iris ivory jelly
jewel jolly judge kayak kettle kiwi koala ladle lake lamp latch lemon lilac
linen llama lotus lunar mango maple marsh melon mint moose moss mural nectar
noble north nutmeg oasis ocean olive onion orbit otter owl paddle panda pearl
pebble pepper piano pilot pine plank plum polar pond poppy prism pulse quail
quartz quill radar raven reed ridge river robin rocket rose ruby saddle sage
sail salmon sand satin scarf shell shore silk slate sloth solar spark spice
spruce squid star stone stork storm sugar swan tango tea thorn tiger toast
topaz torch tulip tundra turtle umber valley velvet violet wagon walnut wave
whale wheat willow wind winter wolf wren yarn yeti zebra zinc
`.trim().split(/\s+/)
